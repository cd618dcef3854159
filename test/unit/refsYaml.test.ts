// The small YAML reader against the `yaml` package as an oracle: on every document the library reads without
// error, both must find the same string scalars (key path, offset, value, quoting).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode } from 'yaml';
import { readYaml, type YNode } from '../../src/core/refs/yamlLite';

type Tuple = string;

function mine(text: string): { tuples: Tuple[]; damaged: boolean[] } {
  const docs = readYaml(text);
  const tuples: Tuple[] = [];
  const walk = (n: YNode, path: string): void => {
    if (n.kind === 'scalar') {
      if (n.value !== null && n.value.includes('/')) tuples.push(`${path} @${n.offset} ${n.quote} ${n.value}`);
    } else if (n.kind === 'map') n.entries.forEach((e) => walk(e.value, `${path}.${e.key}`));
    else if (n.kind === 'seq') n.items.forEach((item, i) => walk(item, `${path}[${i}]`));
  };
  docs.forEach((d, i) => walk(d.root, `#${i}`));
  return { tuples, damaged: docs.map((d) => d.damaged) };
}

function oracle(text: string): { tuples: Tuple[]; errors: boolean } {
  const docs = parseAllDocuments(text, { uniqueKeys: false });
  const tuples: Tuple[] = [];
  let errors = false;
  const walk = (n: unknown, path: string): void => {
    if (isScalar(n)) {
      if (typeof n.value !== 'string' || !n.value.includes('/') || !n.range) return;
      const [start, end] = n.range;
      const v = n.value;
      if (n.type === 'PLAIN' && end - start === v.length && text.startsWith(v, start)) tuples.push(`${path} @${start} none ${v}`);
      else if ((n.type === 'QUOTE_DOUBLE' || n.type === 'QUOTE_SINGLE') && end - start === v.length + 2 && text.startsWith(v, start + 1)) {
        tuples.push(`${path} @${start + 1} ${n.type === 'QUOTE_DOUBLE' ? '"' : "'"} ${v}`);
      } else if (n.type === 'BLOCK_LITERAL' || n.type === 'BLOCK_FOLDED') {
        // A block scalar of one line (its line break aside) with no explicit indentation: the value is that line.
        const one = v.replace(/\n+$/, '');
        const headerEnd = text.indexOf('\n', start);
        if (one.includes('\n') || headerEnd < 0 || /\d/.test(text.slice(start, headerEnd).split('#')[0]!)) return;
        let at = headerEnd + 1;
        while (text[at] === ' ') at++;
        if (text.startsWith(one, at) && /^(?:\r?\n|$)/.test(text.slice(at + one.length, at + one.length + 2))) tuples.push(`${path} @${at} none ${one}`);
      }
    } else if (isMap(n)) {
      for (const p of n.items) if (isScalar(p.key) && p.key.value !== null) walk(p.value, `${path}.${String(p.key.value)}`);
    } else if (isSeq(n)) {
      n.items.forEach((item, i) => walk(item, `${path}[${i}]`));
    }
  };
  (Array.isArray(docs) ? docs : []).forEach((d, i) => {
    if (d.errors.length > 0) errors = true;
    walk(d.contents as YamlNode | null, `#${i}`);
  });
  return { tuples, errors };
}

function agree(text: string): void {
  const o = oracle(text);
  const m = mine(text);
  if (!o.errors) {
    expect(m.tuples, text).toEqual(o.tuples);
    expect(m.damaged.some(Boolean), text).toBe(false);
  } else if (!m.damaged.some(Boolean)) {
    // Where the library sees an error, an undamaged reading must still not invent anything.
    for (const t of m.tuples) expect(o.tuples, text).toContain(t);
  }
  for (const t of m.tuples) {
    const [, , at, , value] = /^(\S+) @(\d+) (\S+) (.*)$/.exec(t) ?? [];
    expect(text.startsWith(value!, Number(at))).toBe(true);
  }
}

describe('readYaml vs the yaml package', () => {
  it.each([
    ['block map and compact sequence', 'a: x/1\nb:\n- c/2\n- d: e/3\n  f: "g/4"\n'],
    ['nested indented sequences', 'models:\n  - name: a\n    model: p/q # c\n    roles:\n      - chat\n  - model: \'r/s\'\n'],
    ['flow collections over lines', 'x: { model: a/b, api_base: "https://o.ai/v1" }\ny: [c/d, "e/f",\n  g/h]\n'],
    ['block scalars: one line is a value, several are not', 'a: |\n  x/y\n  z/w\nb: >-\n  p/q\nc: r/s\n'],
    ['block scalars: chomping, comments, sequences, leading empty lines', 'a: |+ # c\n    x/y\n\nb:\n  - >\n    p/q\n  - |-\n\n    r/s\nc: >2\n   t/u\n'],
    ['anchors, tags and aliases', 'a: &x p/q\nb: *x\nc: !!str t/u\nd: !custom\n  e: v/w\n'],
    ['documents and directives', '%YAML 1.2\n---\na: b/c\n...\n---\n- d/e\n'],
    ['comments everywhere', '# top\na: b/c # tail\n# mid\nd:\n  # inner\n  - e/f\n'],
    ['multi-line plain scalar', 'a: b/c\n  d/e\nf: g/h\n'],
    ['CRLF and BOM', '\uFEFFa: b/c\r\nd:\r\n  - e/f\r\n'],
    ['quoted keys and escapes', '"k/1": v/1\n\'k/2\': "x\\ty/z"\nk3: \'it\'\'s/x\'\n'],
    ['empty values and nulls', 'a:\nb: ~\nc: d/e\n'],
    ['deeper compact forms', '- - a/b\n  - c/d\n- e: f/g\n  h:\n  - i/j\n'],
  ])('%s', (_name, text) => agree(text));

  it('agrees on every YAML file in the labelled corpus', () => {
    const dir = join(__dirname, '../fixtures/refs/corpus');
    const yamls = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
      .map((e) => join(e.parentPath, e.name));
    expect(yamls.length).toBeGreaterThan(80);
    for (const f of yamls) {
      const text = readFileSync(f, 'utf8');
      try {
        agree(text);
      } catch (err) {
        throw new Error(`${relative(dir, f).split(sep).join('/')}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  });

  // A typed generator of YAML documents in the styles configs use.
  type Value = { t: 'scalar'; s: string; q: 0 | 1 | 2 } | { t: 'map'; e: [string, Value][]; flow: boolean } | { t: 'seq'; i: Value[]; flow: boolean };
  const scalar = fc.record({
    t: fc.constant('scalar' as const),
    s: fc.oneof(fc.constantFrom('openai/gpt-5', 'openrouter/deepseek/deepseek-r1:free', 'a/b c', 'x', '1.5', 'true', 'https://openrouter.ai/api/v1', '~anthropic/claude-sonnet-latest', 'r1:openrouter/x/y')),
    q: fc.constantFrom(0, 1, 2) as fc.Arbitrary<0 | 1 | 2>,
  });
  const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
    v: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar,
      fc.record({ t: fc.constant('map' as const), e: fc.uniqueArray(fc.tuple(fc.constantFrom('model', 'name', 'provider', 'api_base', 'k/1', 'models'), tie('v')), { minLength: 1, maxLength: 3, selector: (x) => x[0] }), flow: fc.boolean() }),
      fc.record({ t: fc.constant('seq' as const), i: fc.array(tie('v'), { minLength: 1, maxLength: 3 }), flow: fc.boolean() }),
    ),
  })).v;

  function renderScalar(v: { s: string; q: 0 | 1 | 2 }): string {
    const plainOk = /^[\w~./:-]+$/.test(v.s) && !/: /.test(v.s);
    if (v.q === 1 || !plainOk) return JSON.stringify(v.s);
    if (v.q === 2) return `'${v.s}'`;
    return v.s;
  }
  function renderFlow(v: Value): string {
    if (v.t === 'scalar') return renderScalar(v).replace(/^([^"'].*[,[\]{}].*)$/, '"$1"');
    if (v.t === 'map') return `{ ${v.e.map(([k, x]) => `${JSON.stringify(k)}: ${renderFlow(x)}`).join(', ')} }`;
    return `[${v.i.map(renderFlow).join(', ')}]`;
  }
  function renderBlock(v: Value, indent: number, step: number, comments: boolean): string[] {
    const pad = ' '.repeat(indent);
    const c = comments ? ' # note' : '';
    if (v.t === 'map') {
      if (v.flow) return [`${pad}${renderFlow(v)}${c}`];
      return v.e.flatMap(([k, x]) => {
        const key = /^[\w-]+$/.test(k) ? k : JSON.stringify(k);
        if (x.t === 'scalar' || x.flow) return [`${pad}${key}: ${x.t === 'scalar' ? renderScalar(x) : renderFlow(x)}${c}`];
        return [`${pad}${key}:${c}`, ...renderBlock(x, indent + step, step, comments)];
      });
    }
    if (v.t === 'seq') {
      if (v.flow) return [`${pad}${renderFlow(v)}`];
      return v.i.flatMap((x) => {
        if (x.t === 'scalar' || x.flow) return [`${pad}- ${x.t === 'scalar' ? renderScalar(x) : renderFlow(x)}`];
        const inner = renderBlock(x, indent + 2, step, comments);
        return [`${pad}- ${inner[0]!.slice(indent + 2)}`, ...inner.slice(1)];
      });
    }
    return [`${pad}${renderScalar(v)}`];
  }

  it('agrees on generated documents (block and flow, quoting, comments, indentation, CRLF)', () => {
    fc.assert(
      fc.property(
        fc.record({ e: fc.uniqueArray(fc.tuple(fc.constantFrom('model', 'models', 'alias', 'model_list', 'x'), value), { minLength: 1, maxLength: 4, selector: (x) => x[0] }) }),
        fc.constantFrom(2, 4),
        fc.boolean(),
        fc.boolean(),
        (root, step, comments, crlf) => {
          const text = renderBlock({ t: 'map', e: root.e, flow: false }, 0, step, comments).join('\n') + '\n';
          agree(crlf ? text.replace(/\n/g, '\r\n') : text);
        },
      ),
      { numRuns: 400, seed: 7 },
    );
  });

  it('never throws and never reports a wrong offset on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '/', ':', ' ', '  ', '\n', '- ', '"', "'", '#', '{', '}', '[', ']', ',', '|', '>', '&a', '*a', '!t', '---', '\t', '?', 'model: ', 'x/y') }), (text) => {
        for (const d of readYaml(text)) {
          const check = (n: YNode): void => {
            if (n.kind === 'scalar' && n.value !== null) expect(text.startsWith(n.value, n.offset)).toBe(true);
            else if (n.kind === 'map') n.entries.forEach((e) => check(e.value));
            else if (n.kind === 'seq') n.items.forEach(check);
          };
          check(d.root);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
