// Foundation: the extension installs into a real VS Code, shows its status-bar item, runs a command from
// the palette, renders the sidebar through the typed protocol, and reports its activation time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeBenchWorkspace, ripgrep } from '../../../bench/refs.bench';
import { E2E, baselineVsix, loggedMs, recordFigures, resetMetrics, runProcesses, startVsCode, type VsCode } from '../harness';
import { describeTimeline, firstPaintTimeline, lastReport, phaseFigures, viewFrame, type FirstPaintTimeline } from '../firstPaintTimeline';

let vs: VsCode;
/**
 * Fresh starts for the first-paint and activation figures (even: each view is shown first in half of them).
 * MODEL_RADAR_E2E_STARTS (an even number ≥ 2) sets them: the bench asks for 20, a median of ten per figure. `npm test`
 * checks no target, so it runs the measurement through once each way (2) and spends its minutes on behaviour.
 */
const STARTS = ((n) => (Number.isInteger(n) && n >= 2 && n % 2 === 0 ? n : 2))(Number(process.env.MODEL_RADAR_E2E_STARTS ?? 2));
/** Starts for the activation figure alone in its batch: five for the bench, fewer when the run asks for fewer. */
const ALONE_STARTS = Math.min(5, STARTS);

/** Each extension's require() time in this extension host (ms), as the baseline extension reads it from the marks. */
async function codeLoading(v: VsCode): Promise<Map<string, number>> {
  const done = /code loading marks: \d+ extensions/g;
  const before = (v.logText('Webview Baseline').match(done) ?? []).length;
  await v.runCommand('Webview Baseline: Log Extension Code Loading');
  await expect.poll(() => (v.logText('Webview Baseline').match(done) ?? []).length, { timeout: 30_000 }).toBe(before + 1);
  const out = new Map<string, number>();
  for (const m of v.logText('Webview Baseline').matchAll(/code loading (\S+): will \d+ did \d+ require (\d+) ms/g)) out.set(m[1] ?? '', Number(m[2]));
  return out;
}

beforeAll(async () => {
  resetMetrics();
  vs = await startVsCode({ theme: 'dark' });
});
afterAll(async () => {
  await vs?.stop();
});

describe('foundation in a real VS Code', () => {
  it('shows the Model Radar status-bar item', async () => {
    await expect.poll(async () => (await vs.statusItem().isVisible()) as boolean, { timeout: 30_000 }).toBe(true);
    // No key in this profile: the item invites to set one, and never shows a made-up $0.00.
    const text = await vs.statusItem().innerText();
    expect(text).not.toContain('$0.00');
  });

  it('runs a Model Radar command from the palette', async () => {
    await vs.runCommand('Model Radar: Show Log');
    await expect.poll(async () => vs.page.locator('.panel .monaco-editor, .part.panel').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => vs.logText(), { timeout: 15_000 }).toMatch(/Model Radar activated in \d+(\.\d+)? ms/);
  });

  it('renders the sidebar from data that came through the protocol', async () => {
    const frame = await vs.openSidebar();
    // Leaders come from the fake server's /models?sort=top-weekly joined to the catalog: model names only the
    // host could have sent.
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/leaders/i);
    await expect.poll(async () => frame.locator('body').innerText(), { timeout: 30_000 }).toMatch(/DeepSeek|Qwen|MiniMax|Xiaomi/);
    await vs.screenshot('foundation-sidebar');
    await expect.poll(() => vs.logText(), { timeout: 15_000 }).toMatch(/webview sidebar firstContent \d+(\.\d+)? ms/);
  });

  it('keeps the sidebar painted when it is hidden and shown again', async () => {
    const pattern = /webview sidebar firstContent (\d+(?:\.\d+)?) ms/g;
    const before = loggedMs(vs.logText(), pattern).length;
    await vs.runCommand('View: Show Explorer');
    await vs.page.waitForTimeout(500);
    const frame = await vs.openSidebar();
    // Retained while hidden: the same document is shown at once, with no reload and no second handshake.
    expect(await frame.locator('body').innerText()).toMatch(/leaders/i);
    expect(loggedMs(vs.logText(), pattern)).toHaveLength(before);
  });

  it('records activation, first content and the empty-webview floor over fresh starts', async () => {
    // Each sample is a fresh VS Code whose workbench has settled (a window reload on two cores measures the
    // reload's CPU contention more than activation). Per start: VS Code's own activation time for Model Radar
    // (Running Extensions: code loading + activate call), our log line's activate() body for comparison, and the
    // first showing of our sidebar and of an empty webview view (test/e2e/baseline-ext), in alternating order.
    const activated = /Model Radar activated in (\d+(?:\.\d+)?) ms/g;
    // The rest of the host (dist/main.mjs), loaded and started by the entry on the tick after activation.
    const started = /Model Radar started in (\d+(?:\.\d+)?) ms/g;
    const hostStart: number[] = [];
    // VS Code starts the code loading of every onStartupFinished extension, then loads them one after the other
    // (extHostExtensionService: codeLoadingStart, await, require): an extension's figure includes the loading of
    // those ahead of it in the batch. Merge Conflict (a built-in, a 199 KB bundle) is ahead of Model Radar.
    const neighbour: number[] = [];
    // Our own require() inside that figure, from the extension host's performance marks (the baseline extension
    // logs them): the rest of the figure is the loading of the extensions ahead of us in the batch.
    const ownLoad: number[] = [];
    const shown = /webview sidebar firstContent (\d+(?:\.\d+)?) ms/g;
    const floorShown = /webview baseline firstPaint (\d+(?:\.\d+)?) ms/g;
    const activation: number[] = [];
    const activateBody: number[] = [];
    // [shown first in its window, shown second]: the position matters (measured on code-server 4.100.3, the view
    // shown second, after switching view containers, takes about a second longer whichever it is), so each view is
    // compared with the floor in the same position. STARTS starts, each order in half of them: at least a median of
    // five per figure (three proved too few to hold still on two cores; the bench asks for ten).
    const ours: [number[], number[]] = [[], []];
    const floor: [number[], number[]] = [[], []];
    // Where each first showing's time went (test/e2e/firstPaintTimeline.ts), ours and the floor's.
    const timelines: { ours: FirstPaintTimeline[]; floor: FirstPaintTimeline[] } = { ours: [], floor: [] };
    // Every first showing's timeline is read (the show-based figures and the ratio need every one of each).
    const timeline = async (view: 'sidebar' | 'baseline', log: string, pattern: RegExp): Promise<FirstPaintTimeline> => {
      const report = lastReport(log, pattern);
      expect(report, `the ${view}'s paint report line`).not.toBeNull();
      let frame: Awaited<ReturnType<typeof viewFrame>> = null;
      await expect.poll(async () => (frame = await viewFrame(vs.page.frames(), view)) !== null, { timeout: 10_000 }).toBe(true);
      const t = await firstPaintTimeline(frame as NonNullable<typeof frame>, report as NonNullable<typeof report>);
      expect(t.outerOrigin, `VS Code's webview frame around the ${view}`).not.toBeNull();
      return t;
    };
    const extensions = [baselineVsix()];
    for (let i = 0; i < STARTS; i++) {
      // Stopping a run ends everything it started, code-server's extension host (a process group of its
      // own) included, so the starts never pile up on two cores.
      const runDir = vs.runDir;
      expect(runProcesses(runDir).map((p) => p.args).join('\n')).toMatch(/--type=extensionHost/);
      await vs.stop();
      expect(runProcesses(runDir)).toEqual([]);
      vs = await startVsCode({ theme: 'dark', extensions });
      await expect.poll(() => loggedMs(vs.logText(), activated).length, { timeout: 30_000 }).toBe(1);
      activateBody.push(...loggedMs(vs.logText(), activated));
      await expect.poll(() => loggedMs(vs.logText(), started).length, { timeout: 30_000 }).toBe(1);
      hostStart.push(...loggedMs(vs.logText(), started));
      await vs.page.waitForTimeout(2000);
      const showOurs = async (position: 0 | 1): Promise<void> => {
        await vs.openSidebar();
        await expect.poll(() => loggedMs(vs.logText(), shown).length, { timeout: 30_000 }).toBe(1);
        ours[position].push(...loggedMs(vs.logText(), shown));
        if (position === 0) timelines.ours.push(await timeline('sidebar', vs.logText(), /webview sidebar firstContent (\d+(?:\.\d+)?) ms \(webview document \d+(?:\.\d+)? ms, HTML set after (\d+(?:\.\d+)?) ms, shown at (\d+(?:\.\d+)?)\)/g));
      };
      const showFloor = async (position: 0 | 1): Promise<void> => {
        await vs.runCommand('Webview Baseline: Focus Baseline');
        await expect.poll(() => loggedMs(vs.logText('Webview Baseline'), floorShown).length, { timeout: 30_000 }).toBe(1);
        floor[position].push(...loggedMs(vs.logText('Webview Baseline'), floorShown));
        if (position === 0) timelines.floor.push(await timeline('baseline', vs.logText('Webview Baseline'), /webview baseline firstPaint (\d+(?:\.\d+)?) ms \(resolved at (\d+(?:\.\d+)?)\)/g));
      };
      const order = i % 2 === 0 ? [showFloor, showOurs] : [showOurs, showFloor];
      await order[0](0);
      await vs.page.waitForTimeout(500);
      await order[1](1);
      activation.push(await vs.runningExtensionActivationMs(/Model Radar — OpenRouter|model-radar\.model-radar/));
      neighbour.push(await vs.runningExtensionActivationMs(/Merge Conflict|vscode\.merge-conflict/));
      ownLoad.push((await codeLoading(vs)).get('model-radar.model-radar') ?? NaN);
    }
    mkdirSync(join(E2E, '.results'), { recursive: true });
    writeFileSync(join(E2E, '.results/first-paint-timelines.json'), JSON.stringify(timelines, null, 2) + '\n');
    for (const t of timelines.ours) console.log(describeTimeline('sidebar', t));
    for (const t of timelines.floor) console.log(describeTimeline('floor', t));
    expect(activation).toHaveLength(STARTS);
    for (const xs of [...ours, ...floor, timelines.ours, timelines.floor]) expect(xs).toHaveLength(STARTS / 2);
    const fresh = `${STARTS} fresh code-server starts, each with a settled workbench (2 s)`;
    const floorPage = 'an empty webview view (test/e2e/baseline-ext: blank page, nonce CSP, posts ready once its first frame is painted: the second animation frame), resolveWebviewView to that message';
    const oursPage = 'resolveWebviewView to the Leaders section painted with data (the host-rendered first screen: second animation frame after it is parsed; or the app, when there is none), as the host receives it';
    recordFigures({
      activationInBatchMs: { samples: activation, method: `VS Code's own activation time for Model Radar (Developer: Show Running Extensions: code loading + activate call) in the default profile, where the built-ins Debug Auto Launch and Merge Conflict share its onStartupFinished batch and load ahead of it: VS Code starts every batch member's code-loading clock, then requires them one after the other, so this counts their loading too; ${fresh}` },
      ownCodeLoadingInBatchMs: { samples: ownLoad, method: `Model Radar's own require() of dist/extension.js inside activationInBatchMs: the extension host's marks code/extHost/willLoadExtensionCode → didLoadExtensionCode (Date.now(), as its activation times), same starts` },
      activateBodyMs: { samples: activateBody, method: `the synchronous body of activate() as Model Radar logs it (not code loading), ${fresh}` },
      batchNeighbourActivationMs: { samples: neighbour, method: `VS Code's activation figure for the built-in Merge Conflict, activated in the same onStartupFinished batch, ahead of Model Radar, ${fresh}` },
      hostStartMs: { samples: hostStart, method: `the rest of the host (dist/main.mjs) imported and started by the entry on the tick after activation, as Model Radar logs it (outside VS Code's activation figure), ${fresh}` },
      sidebarFirstContentMs: { samples: ours[0], method: `${oursPage}; the first webview shown in the window, ${STARTS / 2} of ${fresh}` },
      webviewFloorMs: { samples: floor[0], method: `${floorPage}; the first webview shown in the window, the other ${STARTS / 2} of the same starts` },
      sidebarSecondContentMs: { samples: ours[1], method: `${oursPage}; shown second, right after the empty view, ${STARTS / 2} starts` },
      webviewFloorSecondMs: { samples: floor[1], method: `${floorPage}; shown second, right after our sidebar, ${STARTS / 2} starts` },
      ...phaseFigures(timelines),
    });
  }, Math.max(1_200_000, STARTS * 120_000));

  it("records VS Code's activation figure for Model Radar alone in its startup batch, over fresh starts", async () => {
    // VS Code's figure, read as before from Running Extensions (code loading + activate call), in profiles where
    // the two built-ins that share the onStartupFinished batch (Debug Auto Launch, Merge Conflict) are disabled
    // as a user disables them: the extension host's marks prove they did not load and that Model Radar did.
    const activated = /Model Radar activated in (\d+(?:\.\d+)?) ms/g;
    const alone: number[] = [];
    const own: number[] = [];
    const neighbours = ['vscode.merge-conflict', 'vscode.debug-auto-launch'];
    for (let i = 0; i < ALONE_STARTS; i++) {
      await vs.stop();
      vs = await startVsCode({ theme: 'dark', extensions: [baselineVsix()], disabledExtensions: neighbours });
      await expect.poll(() => loggedMs(vs.logText(), activated).length, { timeout: 30_000 }).toBe(1);
      await vs.page.waitForTimeout(2000);
      alone.push(await vs.runningExtensionActivationMs(/Model Radar — OpenRouter|model-radar\.model-radar/));
      const loads = await codeLoading(vs);
      for (const id of neighbours) expect(loads.has(id), `${id} must not load in this profile`).toBe(false);
      expect(loads.has('model-radar.model-radar')).toBe(true);
      own.push(loads.get('model-radar.model-radar') ?? NaN);
    }
    recordFigures({
      activationMs: { samples: alone, method: `VS Code's own activation time for Model Radar (Developer: Show Running Extensions: code loading + activate call), with no other extension in its onStartupFinished batch (the built-ins Debug Auto Launch and Merge Conflict disabled; the extension host's marks confirm they did not load), so the whole figure is Model Radar's; ${ALONE_STARTS} fresh code-server starts, each with a settled workbench (2 s). In the default profile VS Code adds their loading to it: activationInBatchMs` },
      ownCodeLoadingMs: { samples: own, method: "Model Radar's own require() of dist/extension.js in those starts (extension host marks willLoadExtensionCode → didLoadExtensionCode)" },
    });
  }, 600_000);

  it('records the host rescan of a 20,000-file workspace against ripgrep in the same run', async () => {
    await vs.stop();
    const root = mkdtempSync(join(tmpdir(), 'model-radar-e2e-refs-'));
    try {
      makeBenchWorkspace(root);
      vs = await startVsCode({ theme: 'dark', workspace: root });
      // The scan the extension starts after activation, then five rescans from the palette, in the real extension
      // host, timed by the index itself (its log line, which also names the path taken and its phases).
      const scanned = /model references: \d+ in \d+ files, (\d+) ms/g;
      const outcome = /model references: (\d+ in \d+ files), \d+ ms \((.*); digest (\S+)\)/g;
      const lastOutcome = (): string[] => [...vs.logText().matchAll(outcome)].at(-1)?.slice(1) ?? [];
      const rescans = async (n: number, after?: () => void): Promise<number[]> => {
        await expect.poll(() => loggedMs(vs.logText(), scanned).length, { timeout: 120_000 }).toBe(1);
        const ms: number[] = [];
        for (let i = 0; i < n; i++) {
          const before = loggedMs(vs.logText(), scanned).length;
          await vs.runCommand('Model Radar: Rescan Workspace for Models');
          await expect.poll(() => loggedMs(vs.logText(), scanned).length, { timeout: 120_000 }).toBe(before + 1);
          ms.push(loggedMs(vs.logText(), scanned).at(-1) as number);
          after?.();
        }
        return ms;
      };
      const rg: number[] = [];
      const host = await rescans(5, () => {
        const r = ripgrep(vs.workspace);
        expect(r.ok, 'rg must be installed (scripts/e2e-setup.sh installs it)').toBe(true);
        rg.push(r.ms);
      });
      const [viaRipgrep, ripgrepPhases, ripgrepDigest] = lastOutcome();
      expect(ripgrepPhases).toMatch(/^ripgrep: /);
      const files = /model references: \d+ in (\d+) files/.exec(vs.logText())?.[1];
      // The same workspace through findFiles + workspace.fs (modelRadar.scan.useRipgrep off), in a fresh start:
      // the same references (count, files and digest) as through ripgrep, and its time for comparison.
      await vs.stop();
      vs = await startVsCode({ theme: 'dark', workspace: root, settings: { 'modelRadar.scan.useRipgrep': false } });
      const slow = await rescans(2);
      const [viaFindFiles, slowPhases, findFilesDigest] = lastOutcome();
      expect(slowPhases).toMatch(/^findFiles \(useRipgrep off\)/);
      expect([viaFindFiles, findFilesDigest]).toEqual([viaRipgrep, ripgrepDigest]);
      recordFigures({
        hostRescanMs: { samples: host, method: `Model Radar: Rescan Workspace for Models in a real extension host (VS Code's bundled rg lists the candidate files and screens their contents, only the files that can hold a model id are read; last: ${ripgrepPhases}), ${files} files indexed of the 20,000-file bench workspace, 5 rescans after the first scan` },
        hostRescanFindFilesMs: { samples: slow, method: `the same rescan through findFiles + workspace.fs, every candidate read (modelRadar.scan.useRipgrep off; last: ${slowPhases}); same references, files and digest as through rg; 2 rescans after the first scan of a fresh start` },
        hostRipgrepMs: { samples: rg.map((x) => Math.round(x * 10) / 10), method: 'rg over the same folders and file kinds for the same id shapes (bench/refs.bench.ts ripgrep()), alternating with the rescans' },
      });
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  }, 600_000);
});
