// @ts-nocheck
// String literals in source code, by a small tokenizer per language family: comments are skipped, escapes and
// interpolation respected, so an id inside a comment or a longer string never counts. Only literals whose whole
// content could be an id are reported; the caller checks them against the catalog.
import type { CodeLanguage } from './classify';
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

/** Calls `found` for each single-line string literal that contains a "/" (every model id does). */
export function codeStrings(text: string, lang: CodeLanguage, found: (s: CodeString) => void): void {
  const syn = SYNTAX[lang];
  const n = text.length;
  let i = 0;
  // Last significant character, to tell a regex literal from a division in JS.
  let prevSig = -1;
  let prevSigEnd = 0;

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
      if (c === NL && q !== BT) return j;
      j++;
    }
    if (j >= n) return n;
    if (!hasEscape) report(at + 1, j, q === DQ ? '"' : q === SQ ? "'" : '`');
    return j + 1;
  };

  /** JS template literal: `${ ... }` holds code (strings, nested templates); no report when interpolated. */
  const skipTemplate = (at: number): number => {
    let j = at + 1;
    let interpolated = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === BACKSLASH) {
        j += 2;
        interpolated = true;
        continue;
      }
      if (c === BT) {
        if (!interpolated) report(at + 1, j, '`');
        return j + 1;
      }
      if (c === 36 && text.charCodeAt(j + 1) === 123) {
        interpolated = true;
        j = skipCodeUntilBrace(j + 2);
        continue;
      }
      j++;
    }
    return n;
  };

  /** Code inside `${...}`: balanced braces, nested strings and templates. Returns the index after the "}". */
  const skipCodeUntilBrace = (at: number): number => {
    let depth = 1;
    let j = at;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === 123) depth++;
      else if (c === 125) {
        depth--;
        if (depth === 0) return j + 1;
      } else if (c === BT) {
        j = skipTemplate(j);
        continue;
      } else if (c === DQ || c === SQ) {
        j = skipQuoted(j, c, true);
        continue;
      }
      j++;
    }
    return n;
  };

  const skipToLineEnd = (at: number): number => {
    const e = text.indexOf('\n', at);
    return e < 0 ? n : e;
  };

  const regexAllowed = (): boolean => {
    if (prevSig < 0) return true;
    const p = String.fromCharCode(prevSig);
    if ('(,=:[!&|?{};+-*%<>~^'.includes(p)) return true;
    if (isIdentChar(prevSig)) {
      let s = prevSigEnd - 1;
      while (s > 0 && isIdentChar(text.charCodeAt(s - 1))) s--;
      return REGEX_KEYWORDS.has(text.slice(s, prevSigEnd));
    }
    return false;
  };

  const skipRegex = (at: number): number => {
    let j = at + 1;
    let inClass = false;
    while (j < n) {
      const c = text.charCodeAt(j);
      if (c === NL) return j;
      if (c === BACKSLASH) {
        j += 2;
        continue;
      }
      if (c === 91) inClass = true;
      else if (c === 93) inClass = false;
      else if (c === SLASH && !inClass) return j + 1;
      j++;
    }
    return n;
  };

  while (i < n) {
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
          i = j;
        } else {
          const e = text.indexOf('*/', i + 2);
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
      const e = text.indexOf('\n=end', i);
      i = e < 0 ? n : skipToLineEnd(e + 1);
      continue;
    }
    if (c === DQ || c === SQ || c === BT) {
      if (c === SQ && syn.charLiterals) {
        // 'x', '\n', '\u{1F600}'; anything else (a Rust lifetime) is not a literal.
        if (text.charCodeAt(i + 1) === BACKSLASH) {
          const e = text.indexOf("'", i + 2);
          i = e < 0 || e - i > 12 ? i + 1 : e + 1;
        } else if (text.charCodeAt(i + 2) === SQ) i += 3;
        else i++;
        prevSig = SQ;
        prevSigEnd = i;
        continue;
      }
      if (syn.quotes.indexOf(text[i]) >= 0) {
        if (syn.tripleQuotes && text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
          const delim = text.slice(i, i + 3);
          const e = text.indexOf(delim, i + 3);
          i = e < 0 ? n : e + 3;
          while (i < n && text.charCodeAt(i) === c) i++;
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
          if (!doubled && j < n) report(i + 1, j, '"');
          i = Math.min(j + 1, n);
        } else if (lang === 'rs' && c === DQ && i > 0 && (text.charCodeAt(i - 1) === 114 || text.charCodeAt(i - 1) === HASH)) {
          // Rust raw strings r"..." and r#"..."#: no escapes, end at the quote followed by as many #.
          let h = i - 1;
          let hashes = 0;
          while (h >= 0 && text.charCodeAt(h) === HASH) {
            hashes++;
            h--;
          }
          if (h >= 0 && text.charCodeAt(h) === 114 && (h === 0 || !isIdentChar(text.charCodeAt(h - 1)) || text.charCodeAt(h - 1) === 98)) {
            const close = '"' + '#'.repeat(hashes);
            const e = text.indexOf(close, i + 1);
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
      prevSig = text.charCodeAt(j - 1);
      prevSigEnd = j;
      i = j;
      continue;
    }
    prevSig = c;
    prevSigEnd = i + 1;
    i++;
  }
}
