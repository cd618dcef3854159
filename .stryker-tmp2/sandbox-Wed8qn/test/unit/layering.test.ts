// The layering rules are only worth something if they fire: lint deliberate violations.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it('refuses vscode in src/core', async () => {
    const errors = await restrictedImportErrors('src/core/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n");
    expect(errors.join('\n')).toMatch(/must not import vscode/);
  });

  it('refuses node: modules in src/core and src/shared', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('src/shared/probe.ts', "import { join } from 'node:path';\nexport const x = join;\n")).toHaveLength(1);
  });

  it('refuses host code in src/core', async () => {
    expect(await restrictedImportErrors('src/core/probe.ts', "import { KeyStore } from '../host/secrets';\nexport const x = KeyStore;\n")).toHaveLength(1);
  });

  it('refuses core, host and vscode in the webview', async () => {
    expect(await restrictedImportErrors('webview/src/probe.ts', "import { guardWebviewMessage } from '../../src/core/protocolGuard';\nexport const x = guardWebviewMessage;\n")).toHaveLength(1);
    expect(await restrictedImportErrors('webview/src/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).toHaveLength(1);
  });

  it('allows the webview to import src/shared and the host to import vscode', async () => {
    expect(await restrictedImportErrors('webview/src/probe.ts', "import type { Snapshot } from '../../src/shared/types';\nexport type X = Snapshot;\n")).toEqual([]);
    expect(await restrictedImportErrors('src/host/probe.ts', "import * as vscode from 'vscode';\nexport const x = vscode;\n")).toEqual([]);
  });
});
