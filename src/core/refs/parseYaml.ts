// YAML files (Continue, Aider, LiteLLM) and markdown front matter (opencode agents) through the `yaml` library,
// whose node ranges are exact source offsets.
import { isMap, isScalar, isSeq, parseAllDocuments, type Node as YamlNode, type Scalar, type YAMLMap } from 'yaml';
import type { Emit } from './candidate';
import { valueRule, type Seg, type SlotRule, type Siblings } from './rules';
import type { FileKind, RefQuote } from './types';

/** The id as it sits in the source: plain or quoted without escapes; block scalars never hold one. */
function cleanScalar(text: string, node: Scalar, base: number): { offset: number; value: string; quote: RefQuote } | null {
  if (typeof node.value !== 'string' || node.range === undefined || node.range === null) return null;
  const value = node.value;
  const [start, end] = node.range;
  switch (node.type) {
    case 'PLAIN':
      return end - start === value.length && text.startsWith(value, start) ? { offset: base + start, value, quote: 'none' } : null;
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE': {
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : "'";
      if (end - start !== value.length + 2 || text[start] !== quote) return null;
      return text.startsWith(value, start + 1) ? { offset: base + start + 1, value, quote } : null;
    }
    default:
      return null;
  }
}

function siblingsOf(map: YAMLMap): Siblings {
  return (key: string): string | undefined => {
    for (const pair of map.items) {
      if (isScalar(pair.key) && pair.key.value === key && isScalar(pair.value) && pair.value.value !== null) {
        return String(pair.value.value);
      }
    }
    return undefined;
  };
}

const NO_SIBLINGS: Siblings = () => undefined;

/**
 * Candidates in YAML `text`; `base` is added to every offset (front matter sits inside a larger file).
 * Text the library cannot read at all yields nothing.
 */
export function yamlCandidates(text: string, kind: FileKind, emit: Emit, base = 0): void {
  let docs;
  try {
    docs = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false });
  } catch {
    return;
  }
  for (const doc of docs) {
    // A damaged document may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
    const damaged = doc.errors.length > 0;
    const adjust = (rule: SlotRule): SlotRule => (damaged ? { ...rule, trust: 'any' } : rule);
    const visit = (node: YamlNode | null | undefined, path: Seg[], siblings: Siblings): void => {
      if (node === null || node === undefined) return;
      if (isScalar(node)) {
        if (typeof node.value !== 'string' || node.value.indexOf('/') < 0) return;
        const rule = valueRule(kind, path, siblings);
        if (rule === null) return;
        const clean = cleanScalar(text, node, base);
        if (clean !== null) emit({ ...clean, role: 'value', path, rule: adjust(rule) });
      } else if (isMap(node)) {
        const sibs = siblingsOf(node);
        for (const pair of node.items) {
          if (!isScalar(pair.key) || pair.key.value === null) continue;
          visit(pair.value as YamlNode | null, [...path, String(pair.key.value)], sibs);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item as YamlNode | null, [...path, i], NO_SIBLINGS));
      }
    };
    visit(doc.contents as YamlNode | null, [], NO_SIBLINGS);
  }
}

/** The YAML between a leading `---` line and the next `---`/`...` line, with the offset where it starts. */
export function frontMatter(text: string): { body: string; offset: number } | null {
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /^---[ \t]*\r?\n/.exec(text.slice(bom, bom + 8));
  if (open === null) return null;
  const start = bom + open[0].length;
  const close = /^(?:---|\.\.\.)[ \t]*\r?$/m;
  const rest = text.slice(start);
  const m = close.exec(rest);
  if (m === null) return null;
  return { body: rest.slice(0, m.index), offset: start };
}
