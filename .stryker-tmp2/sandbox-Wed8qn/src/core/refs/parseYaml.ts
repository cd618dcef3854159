// @ts-nocheck
// YAML files (Continue, Aider, LiteLLM) and markdown front matter (opencode agents), read with exact offsets.
import type { Emit } from './candidate';
import { valueRule, type Seg, type SlotRule, type Siblings } from './rules';
import type { FileKind } from './types';
import { readYaml, type YMap, type YNode } from './yamlLite';

function siblingsOf(map: YMap): Siblings {
  return (key: string): string | undefined => {
    for (const e of map.entries) {
      if (e.key === key && e.value.kind === 'scalar' && e.value.value !== null) return e.value.value;
    }
    return undefined;
  };
}

const NO_SIBLINGS: Siblings = () => undefined;

/**
 * Candidates in YAML `text`; `base` is added to every offset (front matter sits inside a larger file).
 * Text outside the reader's subset yields only what the catalog itself confirms.
 */
export function yamlCandidates(text: string, kind: FileKind, emit: Emit, base = 0): void {
  for (const doc of readYaml(text)) {
    // A damaged document may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
    const adjust = (rule: SlotRule): SlotRule => (doc.damaged ? { ...rule, trust: 'any' } : rule);
    const visit = (node: YNode, path: Seg[], siblings: Siblings): void => {
      if (node.kind === 'scalar') {
        if (node.value === null || node.value.indexOf('/') < 0) return;
        const rule = valueRule(kind, path, siblings);
        if (rule !== null) emit({ offset: base + node.offset, value: node.value, quote: node.quote, role: 'value', path, rule: adjust(rule) });
      } else if (node.kind === 'map') {
        const sibs = siblingsOf(node);
        for (const e of node.entries) visit(e.value, [...path, e.key], sibs);
      } else if (node.kind === 'seq') {
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
