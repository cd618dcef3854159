// JSON and JSONC settings files (Continue, opencode, Zed, Claude Code, VS Code), read by a small tokenizer that
// keeps exact offsets and tolerates comments, trailing commas and damage. The tree is built without recursion (any
// nesting depth, linear time), keeping only the levels a rule can read, and with a duplicate key's last value
// winning, as JSON.parse and every settings reader do.
import type { Emit } from './candidate';
import { UNMETERED, type Meter } from './meter';
import { keyRule, MAX_RULE_DEPTH, valueRule, type Seg, type SlotRule, type Siblings } from './rules';
import type { FileKind } from './types';

interface JString {
  t: 'string';
  /** Offset of the opening quote. */
  offset: number;
  value: string;
  /** The source holds exactly `"value"`: no escapes, so the id's characters are the value's. */
  clean: boolean;
}
interface JObject {
  t: 'object';
  /** Last occurrence of each key. */
  props: Map<string, { key: JString; value: JNode }>;
}
interface JArray {
  t: 'array';
  items: JNode[];
}
type JNode = JString | JObject | JArray | { t: 'other' };

const OTHER: JNode = { t: 'other' };

// What an open container expects next.
const KEY = 0;
const COLON_NEXT = 1;
const VALUE = 2;
const COMMA_NEXT = 3;

/** Characters that end a bare token (number, true/false/null, or junk): whitespace and JSON punctuation. */
function endsBareToken(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 123 || c === 125 || c === 91 || c === 93 || c === 44 || c === 58 || c === 34 || c === 47;
}

const LITERAL_RE = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/** The document's root and whether it was damaged (then key paths may lie). */
export function parseJsonTree(text: string, meter: Meter = UNMETERED): { root: JNode | null; damaged: boolean } {
  const n = text.length;
  // The open containers, innermost last: per level one byte, (what it expects next) * 2 + (1 for an object), since
  // nesting can be as deep as the text is long. Containers and pending keys are kept for the levels a rule reads.
  const frames = new Uint8Array(n + 1);
  let depth = 0;
  /** Null when deeper than any rule reads: the structure is followed, nothing is kept. */
  const nodes: (JObject | JArray | null)[] = new Array<JObject | JArray | null>(MAX_RULE_DEPTH).fill(null);
  const keys: (JString | null)[] = new Array<JString | null>(MAX_RULE_DEPTH).fill(null);
  const nodeAt = (level: number): JObject | JArray | null => nodes[level] ?? null;
  let openObjects = 0;
  let openArrays = 0;
  let root: JNode | null = null;
  let rootDone = false;
  let damaged = false;

  // One frame per open bracket: depth never exceeds the text's length, the frames' size minus one.
  const frameAt = (level: number): number => frames[level] ?? 0;
  const isObjectAt = (level: number): boolean => (frameAt(level) & 1) === 1;
  const stateAt = (level: number): number => frameAt(level) >> 1;
  const setState = (level: number, state: number): void => {
    frames[level] = (state << 1) | (frameAt(level) & 1);
  };

  const place = (node: JNode): void => {
    const top = depth - 1;
    if (top < 0) {
      if (rootDone) damaged = true;
      else root = node;
      rootDone = true;
      return;
    }
    const state = stateAt(top);
    const container = nodeAt(top);
    if (isObjectAt(top)) {
      if (state !== VALUE) damaged = true;
      const key = keys[top] ?? null;
      if ((state === VALUE || state === COLON_NEXT) && key !== null && container !== null) {
        (container as JObject).props.set(key.value, { key, value: node });
      }
      if (top < MAX_RULE_DEPTH) keys[top] = null;
    } else {
      if (state !== VALUE) damaged = true;
      if (container !== null) (container as JArray).items.push(node);
    }
    setState(top, COMMA_NEXT);
  };

  const open = (isObject: boolean): void => {
    const keep = depth < MAX_RULE_DEPTH && (depth === 0 || nodes[depth - 1] !== null);
    const node: JObject | JArray | null = keep ? (isObject ? { t: 'object', props: new Map() } : { t: 'array', items: [] }) : null;
    place(node ?? OTHER);
    frames[depth] = ((isObject ? KEY : VALUE) << 1) | (isObject ? 1 : 0);
    if (depth < MAX_RULE_DEPTH) {
      nodes[depth] = node;
      keys[depth] = null;
    }
    depth++;
    if (isObject) openObjects++;
    else openArrays++;
  };

  const close = (isObject: boolean): void => {
    if ((isObject ? openObjects : openArrays) === 0) {
      damaged = true;
      return;
    }
    // Unclosed containers inside this one close with it.
    for (;;) {
      depth--;
      const wasObject = isObjectAt(depth);
      const state = stateAt(depth);
      if (depth < MAX_RULE_DEPTH) {
        nodes[depth] = null;
        keys[depth] = null;
      }
      if (wasObject) openObjects--;
      else openArrays--;
      if (wasObject !== isObject) {
        damaged = true;
        continue;
      }
      // "{"a":}" and "{"a"}" miss a value; a trailing comma is allowed.
      if (state === COLON_NEXT || (wasObject && state === VALUE)) damaged = true;
      return;
    }
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const start = i;
    if (c === 47 && text.charCodeAt(i + 1) === 47) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
      meter.spend(i - start + 1);
      continue;
    }
    if (c === 47 && text.charCodeAt(i + 1) === 42) {
      const e = text.indexOf('*/', i + 2);
      if (e < 0) damaged = true;
      i = e < 0 ? n : e + 2;
      meter.spend(i - start + 1);
      continue;
    }
    const top = depth - 1;
    if (c === 123 || c === 91) {
      open(c === 123);
      i++;
    } else if (c === 125 || c === 93) {
      close(c === 125);
      i++;
    } else if (c === 58) {
      if (top >= 0 && isObjectAt(top) && stateAt(top) === COLON_NEXT) setState(top, VALUE);
      else damaged = true;
      i++;
    } else if (c === 44) {
      if (top >= 0 && stateAt(top) === COMMA_NEXT) setState(top, isObjectAt(top) ? KEY : VALUE);
      else damaged = true;
      i++;
    } else if (c === 34) {
      let j = i + 1;
      let escaped = false;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 34 || d === 10 || d === 13) break;
        if (d === 92) {
          escaped = true;
          j += 2;
          continue;
        }
        j++;
      }
      const terminated = j < n && text.charCodeAt(j) === 34;
      if (!terminated) damaged = true;
      const raw = text.slice(i + 1, Math.min(j, n));
      let value = raw;
      if (escaped) {
        try {
          value = JSON.parse(`"${raw}"`) as string;
        } catch {
          damaged = true;
        }
      }
      const str: JString = { t: 'string', offset: i, value, clean: terminated && !escaped };
      i = terminated ? j + 1 : Math.min(j, n);
      if (top >= 0 && isObjectAt(top) && (stateAt(top) === KEY || stateAt(top) === COMMA_NEXT)) {
        // A key (after a missing comma, still read as one).
        if (stateAt(top) === COMMA_NEXT) damaged = true;
        if (top < MAX_RULE_DEPTH) keys[top] = str;
        setState(top, COLON_NEXT);
      } else place(str);
    } else {
      // A number, true, false, null, or junk.
      let j = i + 1;
      while (j < n && !endsBareToken(text.charCodeAt(j))) j++;
      // Only what can start a literal is worth a closer look.
      if (j - i <= 64 && (c === 45 || (c >= 48 && c <= 57) || c === 116 || c === 102 || c === 110) && LITERAL_RE.test(text.slice(i, j))) place(OTHER);
      else damaged = true;
      i = j;
    }
    meter.spend(i - start + 1);
  }
  meter.spend(n);
  if (depth > 0) damaged = true;
  return { root, damaged };
}

function siblingsOf(object: JObject): Siblings {
  return (key: string): string | undefined => {
    const v = object.props.get(key)?.value;
    return v !== undefined && v.t === 'string' ? v.value : undefined;
  };
}

const NO_SIBLINGS: Siblings = () => undefined;

export function jsonCandidates(text: string, kind: FileKind, emit: Emit, meter: Meter = UNMETERED): void {
  const { root, damaged } = parseJsonTree(text, meter);
  if (root === null) return;
  // A damaged file may nest wrongly, so a key path can lie: keep only what the catalog itself confirms.
  const adjust = (rule: SlotRule): SlotRule => (damaged ? { ...rule, trust: 'any' } : rule);

  // Depth is bounded by MAX_RULE_DEPTH (the tree keeps nothing deeper), so recursion is safe here.
  const visit = (node: JNode, path: Seg[], siblings: Siblings): void => {
    meter.spend(1);
    if (node.t === 'string') {
      if (!node.clean || node.value.indexOf('/') < 0) return;
      const rule = valueRule(kind, path, siblings);
      if (rule !== null) emit({ offset: node.offset + 1, value: node.value, quote: '"', role: 'value', path, rule: adjust(rule) });
    } else if (node.t === 'object') {
      if (path.length >= MAX_RULE_DEPTH) return;
      const objectKeyRule = keyRule(kind, path);
      const sibs = siblingsOf(node);
      for (const [key, prop] of node.props) {
        if (objectKeyRule !== null && prop.key.clean && key.indexOf('/') >= 0) {
          emit({ offset: prop.key.offset + 1, value: key, quote: '"', role: 'key', path: [...path, key], rule: adjust(objectKeyRule) });
        }
        visit(prop.value, [...path, key], sibs);
      }
    } else if (node.t === 'array') {
      if (path.length >= MAX_RULE_DEPTH) return;
      node.items.forEach((item, i) => visit(item, [...path, i], NO_SIBLINGS));
    }
  };
  visit(root, [], NO_SIBLINGS);
}
