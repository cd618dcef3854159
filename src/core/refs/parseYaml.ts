// YAML files (Continue, Aider, LiteLLM) and markdown front matter (opencode agents), read with exact offsets.
import type { Emit } from './candidate';
import { UNMETERED, type Meter } from './meter';
import { MAX_RULE_DEPTH, valueRule, type Seg, type SlotRule, type Siblings } from './rules';
import type { FileKind } from './types';
import { readYaml, type YMap, type YNode } from './yamlLite';

/** A key given twice in one mapping: the last one counts, as YAML loaders (PyYAML, js-yaml's json mode) read it. */
function lastEntries(map: YMap): Map<string, YNode> {
  const out = new Map<string, YNode>();
  for (const e of map.entries) {
    out.delete(e.key);
    out.set(e.key, e.value);
  }
  return out;
}

function siblingsOf(entries: Map<string, YNode>): Siblings {
  return (key: string): string | undefined => {
    const v = entries.get(key);
    return v !== undefined && v.kind === 'scalar' && v.value !== null ? v.value : undefined;
  };
}

const NO_SIBLINGS: Siblings = () => undefined;

/**
 * Candidates in YAML `text`; `base` is added to every offset (front matter sits inside a larger file).
 * Text outside the reader's subset yields only what the catalog itself confirms.
 */
export function yamlCandidates(text: string, kind: FileKind, emit: Emit, base = 0, meter: Meter = UNMETERED): void {
  for (const doc of readYaml(text, meter)) {
    // A damaged document may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
    const adjust = (rule: SlotRule): SlotRule => (doc.damaged ? { ...rule, trust: 'any' } : rule);
    // No rule reads deeper than MAX_RULE_DEPTH, so neither does this walk (nor its recursion).
    const visit = (node: YNode, path: Seg[], siblings: Siblings): void => {
      meter.spend(1);
      if (node.kind === 'scalar') {
        if (node.value === null || node.value.indexOf('/') < 0) return;
        const rule = valueRule(kind, path, siblings);
        if (rule !== null) emit({ offset: base + node.offset, value: node.value, quote: node.quote, role: 'value', path, rule: adjust(rule) });
      } else if (node.kind === 'map') {
        if (path.length >= MAX_RULE_DEPTH) return;
        const entries = lastEntries(node);
        const sibs = siblingsOf(entries);
        for (const [key, value] of entries) visit(value, [...path, key], sibs);
      } else if (node.kind === 'seq') {
        if (path.length >= MAX_RULE_DEPTH) return;
        node.items.forEach((item, i) => visit(item, [...path, i], NO_SIBLINGS));
      }
    };
    visit(doc.root, [], NO_SIBLINGS);
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
