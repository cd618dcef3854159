// The one test for "a plain JSON object" (not null, not an array), for every reader of untrusted data.

/** A non-null object that is not an array: what JSON.parse gives for `{...}`. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value as a record, or null: for readers that go on to pick fields one by one. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return isRecord(value) ? value : null;
}
