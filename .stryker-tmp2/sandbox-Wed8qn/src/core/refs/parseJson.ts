// @ts-nocheck
// JSON and JSONC settings files (Continue, opencode, Zed, Claude Code, VS Code) through jsonc-parser's tree,
// which keeps exact offsets and tolerates comments, trailing commas and damage.
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Emit } from './candidate';
import { keyRule, valueRule, type Seg, type SlotRule, type Siblings } from './rules';
import type { FileKind } from './types';

/** The source holds exactly `"value"` at the node: no escapes, so the id's bytes are the value's characters. */
function cleanString(text: string, node: Node): string | null {
  if (node.type !== 'string' || typeof node.value !== 'string') return null;
  const value = node.value;
  if (node.length !== value.length + 2 || text.charCodeAt(node.offset) !== 34) return null;
  return text.startsWith(value, node.offset + 1) ? value : null;
}

function siblingsOf(text: string, object: Node): Siblings {
  return (key: string): string | undefined => {
    for (const prop of object.children ?? []) {
      const [k, v] = prop.children ?? [];
      if (k?.value === key && v !== undefined && v.type === 'string' && typeof v.value === 'string') return v.value;
    }
    return undefined;
  };
}

const NO_SIBLINGS: Siblings = () => undefined;

export function jsonCandidates(text: string, kind: FileKind, emit: Emit): void {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  if (root === undefined) return;
  // A damaged file may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
  const damaged = errors.length > 0;
  const adjust = (rule: SlotRule): SlotRule => (damaged ? { ...rule, trust: 'any' } : rule);

  const visitValue = (node: Node, path: Seg[], siblings: Siblings): void => {
    if (node.type === 'string') {
      const value = cleanString(text, node);
      if (value === null || value.indexOf('/') < 0) return;
      const rule = valueRule(kind, path, siblings);
      if (rule !== null) emit({ offset: node.offset + 1, value, quote: '"', role: 'value', path, rule: adjust(rule) });
    } else if (node.type === 'object') {
      const objectKeyRule = keyRule(kind, path);
      const sibs = siblingsOf(text, node);
      for (const prop of node.children ?? []) {
        const [keyNode, valueNode] = prop.children ?? [];
        if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
        const key = keyNode.value;
        if (objectKeyRule !== null) {
          const clean = cleanString(text, keyNode);
          if (clean !== null && clean.indexOf('/') >= 0) {
            emit({ offset: keyNode.offset + 1, value: clean, quote: '"', role: 'key', path: [...path, key], rule: adjust(objectKeyRule) });
          }
        }
        if (valueNode !== undefined) visitValue(valueNode, [...path, key], sibs);
      }
    } else if (node.type === 'array') {
      const children = node.children ?? [];
      for (let i = 0; i < children.length; i++) visitValue(children[i], [...path, i], NO_SIBLINGS);
    }
  };
  visitValue(root, [], NO_SIBLINGS);
}
