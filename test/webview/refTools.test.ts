// The webview keeps every reference tool core can report (REF_TOOLS, src/shared/types.ts), and only those.
import { describe, expect, it } from 'vitest';
import * as normalize from '../../webview/src/model/intake';
import { REF_TOOLS } from '../../src/shared/types';

const ref = (tool: unknown) => ({ refId: 'r1', file: 'a.yaml', line: 1, column: 1, raw: 'openai/gpt-5', id: 'openai/gpt-5', known: true, tool, keyPath: null });

describe('reference tools in the webview', () => {
  it.each([...REF_TOOLS])('keeps %s', (tool) => {
    expect(normalize.references({ refs: [ref(tool)], scanning: false, files: 1, note: null }).refs[0]?.tool).toBe(tool);
  });

  it('reads an unknown tool as code', () => {
    expect(normalize.references({ refs: [ref('emacs')], scanning: false, files: 1, note: null }).refs[0]?.tool).toBe('code');
  });
});
