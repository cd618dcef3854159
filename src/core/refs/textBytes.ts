// Whether a file's bytes can be edited as text and written back with only the id's bytes changed.
/**
 * The file's text and whether a swap may write it: only UTF-8 text. Invalid UTF-8 (another encoding) decodes with
 * U+FFFD in place of the bytes it cannot read, and NUL bytes mean binary; written back, either would have bytes
 * outside the id rewritten. A byte order mark is kept in the text (callers strip and restore it).
 */
export function readUtf8Text(bytes: Uint8Array): { text: string; writable: boolean } {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { text, writable: !text.includes('\0') };
  } catch {
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes), writable: false };
  }
}
