// String literals in source code, by a small tokenizer per language family: comments are skipped, escapes and
// interpolation respected, so an id inside a comment or a longer string never counts. Only literals whose whole
// content could be an id are reported; the caller checks them against the catalog.
import type { CodeLanguage } from './classify';
import { UNMETERED, type Meter } from './meter';
import type { RefQuote } from './types';

export interface CodeString {
  /** Offset of the first content character. */
  offset: number;
  value: string;
  quote: RefQuote;
}

interface Syntax {
  slashComments: boolean;
  hashComments: boolean;
  /** Characters that open a string literal (besides the special forms each language adds). */
  quotes: string;
  /** `'` opens a one-character literal (Go, Rust, Java, C#), not a string. */
  charLiterals: boolean;
  tripleQuotes: boolean;
  templateLiterals: boolean;
  regexLiterals: boolean;
  nestedBlockComments: boolean;
}

const SYNTAX: Record<CodeLanguage, Syntax> = {
  js: { slashComments: true, hashComments: false, quotes: '"\'`', charLiterals: false, tripleQuotes: false, templateLiterals: true, regexLiterals: true, nestedBlockComments: false },
  py: { slashComments: false, hashComments: true, quotes: '"\'', charLiterals: false, tripleQuotes: true, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
  go: { slashComments: true, hashComments: false, quotes: '"`', charLiterals: true, tripleQuotes: false, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
  rs: { slashComments: true, hashComments: false, quotes: '"', charLiterals: true, tripleQuotes: false, templateLiterals: false, regexLiterals: false, nestedBlockComments: true },
  java: { slashComments: true, hashComments: false, quotes: '"', charLiterals: true, tripleQuotes: true, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
  cs: { slashComments: true, hashComments: false, quotes: '"', charLiterals: true, tripleQuotes: true, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
  rb: { slashComments: false, hashComments: true, quotes: '"\'', charLiterals: false, tripleQuotes: false, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
  php: { slashComments: true, hashComments: true, quotes: '"\'`', charLiterals: false, tripleQuotes: false, templateLiterals: false, regexLiterals: false, nestedBlockComments: false },
};

const NL = 10;
const SLASH = 47;
const STAR = 42;
const HASH = 35;
const BACKSLASH = 92;
const DQ = 34;
const SQ = 39;
const BT = 96;

function isIdentChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36 || c > 127;
}

/** Keywords after which a "/" starts a regular expression rather than a division. */
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

/** Longest keyword in REGEX_KEYWORDS. */
const MAX_KEYWORD = 10;
/** Rust closes a raw string with at most 255 "#". */
const MAX_RAW_HASHES = 255;
/** Longest character literal worth looking for: '\u{10FFFF}'. */
const MAX_CHAR_LITERAL = 12;
/** A template literal's entry on skipTemplate's stack once it holds an escape or a `${`. */
const TEMPLATE_INTERPOLATED = -1;

/** An Int32Array twice as long with the same entries. */
function grown(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * Calls `found` for each single-line string literal that contains a "/" (every model id does). Linear in the
 * text: every loop moves forward, nothing is searched twice, and nesting (template literals in `${}`) is kept on a
 * stack rather than the call stack.
 */
export function codeStrings(text: string, lang: CodeLanguage, found: (s: CodeString) => void, meter: Meter = UNMETERED): void {
  const syn = SYNTAX[lang];
  const n = text.length;
  let i = 0;
  // Last significant character, to tell a regex literal from a division in JS, and where its word started.
  let prevSig = -1;
  let prevSigEnd = 0;
  let prevWordStart = 0;

  /** text.indexOf(s, from), accounted for. */
  const find = (s: string, from: number): number => {
    const e = text.indexOf(s, from);
    meter.spend((e < 0 ? n : e) - from + 1);
    return e;
  };

  const report = (start: number, end: number, quote: RefQuote): void => {
    const len = end - start;
    if (len < 3 || len > 220) return;
    const value = text.slice(start, end);
    if (value.indexOf('/') >= 0 && value.indexOf('\n') < 0) found({ offset: start, value, quote });
  };

  /** Skip a simple quoted string starting at i (the quote); report it; return the index after it. */
  const skipQuoted = (at: number, q: number, escapes: boolean): number => {
    let j = at + 1;
    let hasEscape = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === q) break;
      if (escapes && c === BACKSLASH) {
        hasEscape = true;
        j += 2;
        continue;
      }
      // An unterminated single-line string ends at the line end (keeps one typo from swallowing the file).
      if (c === NL && q !== BT) {
        meter.spend(j - at);
        return j;
      }
      j++;
    }
    meter.spend(Math.min(j, n) - at + 1);
    if (j >= n) return n;
    if (!hasEscape) report(at + 1, j, q === DQ ? '"' : q === SQ ? "'" : '`');
    return j + 1;
  };

  // skipTemplate's stack, one per file and grown by doubling. One Int32Array, not JS arrays: pushing a plain array
  // to hundreds of thousands of entries (the "template literal nesting" worst case) cost ~150 ns an entry.
  let stack: Int32Array = new Int32Array(16);

  /**
   * JS template literal: `${ ... }` holds code (strings, nested templates); no report when interpolated. Open
   * templates and `${` blocks are kept on an explicit stack, so any nesting depth costs no call stack. An entry is
   * an open template's start offset (>= 0), TEMPLATE_INTERPOLATED once the template has an escape or a `${` (its
   * start is then no longer needed: it is never reported), or, for code inside `${}`, -1 - its brace depth (<= -2).
   */
  const skipTemplate = (at: number): number => {
    let s = stack;
    let depth = 1;
    /** The innermost entry, kept in a local; the ones below it are s[0 .. depth - 2] (depth <= s.length). */
    let open = at;
    let j = at + 1;
    const begin = j;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (open >= TEMPLATE_INTERPOLATED) {
        if (c === BACKSLASH) {
          j += 2;
          open = TEMPLATE_INTERPOLATED;
          continue;
        }
        if (c === BT) {
          if (open >= 0) report(open + 1, j, '`');
          depth--;
          j++;
          if (depth === 0) break;
          open = s[depth - 1] ?? 0;
          continue;
        }
        if (c === 36 && text.charCodeAt(j + 1) === 123) {
          // Keep this template's entry (now interpolated) and open a code block at brace depth 1.
          if (depth === s.length) s = stack = grown(s);
          s[depth - 1] = TEMPLATE_INTERPOLATED;
          depth++;
          open = -2;
          j += 2;
          continue;
        }
        j++;
        continue;
      }
      if (c === 123) open--;
      else if (c === 125) {
        open++;
        if (open === -1) {
          depth--;
          open = s[depth - 1] ?? 0;
        }
      } else if (c === BT) {
        if (depth === s.length) s = stack = grown(s);
        s[depth - 1] = open;
        depth++;
        open = j;
      } else if (c === DQ || c === SQ) {
        j = skipQuoted(j, c, true);
        continue;
      }
      j++;
    }
    meter.spend(Math.min(j, n) - begin + 1);
    return depth === 0 ? j : n;
  };

  const skipToLineEnd = (at: number): number => {
    const e = find('\n', at);
    return e < 0 ? n : e;
  };

  const regexAllowed = (): boolean => {
    if (prevSig < 0) return true;
    const p = String.fromCharCode(prevSig);
    if ('(,=:[!&|?{};+-*%<>~^'.includes(p)) return true;
    if (isIdentChar(prevSig)) {
      return prevSigEnd - prevWordStart <= MAX_KEYWORD && REGEX_KEYWORDS.has(text.slice(prevWordStart, prevSigEnd));
    }
    return false;
  };

  const skipRegex = (at: number): number => {
    let j = at + 1;
    let inClass = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === NL) break;
      if (c === BACKSLASH) {
        j += 2;
        continue;
      }
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === SLASH && !inClass) {
        j++;
        break;
      }
      j++;
    }
    meter.spend(Math.min(j, n) - at + 1);
    return Math.min(j, n);
  };

  while (i < n) {
    meter.spend(1);
    const c = text.charCodeAt(i);
    if (c <= 32) {
      i++;
      continue;
    }
    if (c === SLASH && syn.slashComments) {
      const d = text.charCodeAt(i + 1);
      if (d === SLASH) {
        i = skipToLineEnd(i);
        continue;
      }
      if (d === STAR) {
        if (syn.nestedBlockComments) {
          let depth = 1;
          let j = i + 2;
          while (j < n && depth > 0) {
            if (text.charCodeAt(j) === SLASH && text.charCodeAt(j + 1) === STAR) {
              depth++;
              j += 2;
            } else if (text.charCodeAt(j) === STAR && text.charCodeAt(j + 1) === SLASH) {
              depth--;
              j += 2;
            } else j++;
          }
          meter.spend(j - i);
          i = Math.min(j, n);
        } else {
          const e = find('*/', i + 2);
          i = e < 0 ? n : e + 2;
        }
        continue;
      }
      if (syn.regexLiterals && regexAllowed()) {
        i = skipRegex(i);
        prevSig = SLASH;
        prevSigEnd = i;
        continue;
      }
    }
    if (c === HASH && syn.hashComments) {
      // PHP 8 attributes "#[" are code, not comments.
      if (!(lang === 'php' && text.charCodeAt(i + 1) === 91)) {
        i = skipToLineEnd(i);
        continue;
      }
    }
    if (lang === 'rb' && c === 61 && (i === 0 || text.charCodeAt(i - 1) === NL) && text.startsWith('=begin', i)) {
      const e = find('\n=end', i);
      i = e < 0 ? n : skipToLineEnd(e + 1);
      continue;
    }
    if (c === DQ || c === SQ || c === BT) {
      if (c === SQ && syn.charLiterals) {
        // 'x', '\n', '\u{1F600}'; anything else (a Rust lifetime) is not a literal.
        if (text.charCodeAt(i + 1) === BACKSLASH) {
          let e = i + 2;
          while (e < n && e - i <= MAX_CHAR_LITERAL && text.charCodeAt(e) !== SQ) e++;
          meter.spend(e - i);
          i = e >= n || e - i > MAX_CHAR_LITERAL ? i + 1 : e + 1;
        } else if (text.charCodeAt(i + 2) === SQ) i += 3;
        else i++;
        prevSig = SQ;
        prevSigEnd = i;
        continue;
      }
      if (syn.quotes.indexOf(text.charAt(i)) >= 0) {
        if (syn.tripleQuotes && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          const delim = text.slice(i, i + 3);
          const e = find(delim, i + 3);
          i = e < 0 ? n : e + 3;
          const from = i;
          while (i < n && text.charCodeAt(i) === c) i++;
          meter.spend(i - from);
        } else if (c === BT && syn.templateLiterals) {
          i = skipTemplate(i);
        } else if (lang === 'cs' && i > 0 && text.charCodeAt(i - 1) === 64 && c === DQ) {
          // C# verbatim @"...": "" is an escaped quote, backslash is literal.
          let j = i + 1;
          let doubled = false;
          while (j < n) {
            if (text.charCodeAt(j) === DQ) {
              if (text.charCodeAt(j + 1) === DQ) {
                doubled = true;
                j += 2;
                continue;
              }
              break;
            }
            j++;
          }
          meter.spend(j - i);
          if (!doubled && j < n) report(i + 1, j, '"');
          i = Math.min(j + 1, n);
        } else if (lang === 'rs' && c === DQ && i > 0 && (text.charCodeAt(i - 1) === 114 || text.charCodeAt(i - 1) === HASH)) {
          // Rust raw strings r"..." and r#"..."#: no escapes, end at the quote followed by as many #.
          let h = i - 1;
          let hashes = 0;
          while (h >= 0 && text.charCodeAt(h) === HASH && hashes <= MAX_RAW_HASHES) {
            hashes++;
            h--;
          }
          meter.spend(hashes + 1);
          if (hashes <= MAX_RAW_HASHES && h >= 0 && text.charCodeAt(h) === 114 && (h === 0 || !isIdentChar(text.charCodeAt(h - 1)) || text.charCodeAt(h - 1) === 98)) {
            const close = '"' + '#'.repeat(hashes);
            const e = find(close, i + 1);
            if (e >= 0) report(i + 1, e, '"');
            i = e < 0 ? n : e + close.length;
          } else {
            i = skipQuoted(i, c, true);
          }
        } else {
          i = skipQuoted(i, c, !(lang === 'go' && c === BT));
        }
        prevSig = c;
        prevSigEnd = i;
        continue;
      }
    }
    if (isIdentChar(c)) {
      let j = i + 1;
      while (j < n && isIdentChar(text.charCodeAt(j))) j++;
      meter.spend(j - i);
      prevSig = text.charCodeAt(j - 1);
      prevSigEnd = j;
      prevWordStart = i;
      i = j;
      continue;
    }
    prevSig = c;
    prevSigEnd = i + 1;
    i++;
  }
}
