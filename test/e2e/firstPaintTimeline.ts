// Where a webview view's first paint spends its time, from the page's own performance timeline laid beside the
// host's clock: the host logs when it resolved the view (epoch ms) and how long until the page's paint report
// arrived; the page (VS Code's inner webview frame) holds its navigation entry (fake.html, into which VS Code
// writes the HTML), the marks its first script sets (webview/src/first/sidebarFirst.ts, and the same names in the
// empty baseline page: test/e2e/baseline-ext) and every resource it fetched.
import type { Frame } from 'playwright-core';

/** One showing of a view, every time in ms after the host resolved it. */
export interface FirstPaintTimeline {
  /** The inner frame's navigation starts (VS Code created the webview, sent it the HTML, made the iframe). */
  documentOrigin: number;
  /** The host handed VS Code the HTML (ours; null for the empty page, which sets it at once). */
  htmlSet: number | null;
  /** The outer webview frame (VS Code's index.html, which receives the HTML and makes the inner frame) starts. */
  outerOrigin: number | null;
  /** What the outer frame fetched (its scripts, the service worker), start → end. */
  outerResources: { name: string; start: number; end: number }[];
  /** fake.html parsed (VS Code writes the real HTML into it on the next task). */
  fakeLoaded: number | null;
  /** Marks of the page's first script: start, data read, HTML built, inserted, first and second frame. */
  marks: Record<string, number>;
  /** The host received the paint report. */
  received: number;
  /** Resources the page fetched (file name, start, end). */
  resources: { name: string; start: number; end: number }[];
  /** HTML size the page holds (bytes of its outerHTML as the frame has it, scripts inlined). */
  htmlBytes: number;
}

/** The host's paint-report line: `<ms> ms ... shown at <epoch>` (src/host/extension.ts, test/e2e/baseline-ext). */
export function lastReport(log: string, pattern: RegExp): { ms: number; shownAt: number; htmlMs: number | null } | null {
  const m = [...log.matchAll(pattern)].at(-1);
  if (!m) return null;
  const ms = Number(m[1]);
  // The last group is when it was shown; a group between them, when the host set the HTML (ours only).
  const shownAt = Number(m.at(-1));
  const htmlMs = m.length > 3 ? Number(m[2]) : null;
  return Number.isFinite(ms) && Number.isFinite(shownAt) ? { ms, shownAt, htmlMs } : null;
}

/** The frame whose #root says it is this view (the baseline page's root says "baseline"). */
export async function viewFrame(frames: Frame[], view: string): Promise<Frame | null> {
  for (const frame of frames) {
    if (!frame.url().includes('/webview/browser/pre/')) continue;
    if ((await frame.locator(`#root[data-view="${view}"]`).count().catch(() => 0)) > 0) return frame;
  }
  return null;
}

export async function firstPaintTimeline(frame: Frame, report: { ms: number; shownAt: number; htmlMs: number | null }): Promise<FirstPaintTimeline> {
  const page = await frame.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return {
      origin: performance.timeOrigin,
      fakeLoaded: nav ? nav.domContentLoadedEventEnd : null,
      marks: performance.getEntriesByType('mark').map((e) => [e.name, e.startTime] as const),
      resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').at(-1) ?? e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
      htmlBytes: new TextEncoder().encode(document.documentElement.outerHTML).length,
    };
  });
  const outer = await frame.parentFrame()?.evaluate(() => ({
    origin: performance.timeOrigin,
    resources: performance.getEntriesByType('resource').map((e) => ({ name: e.name.split('/').at(-1)?.split('?')[0] ?? e.name, start: e.startTime, end: (e as PerformanceResourceTiming).responseEnd })),
  })).catch(() => null);
  const at = (t: number): number => Math.round((page.origin + t - report.shownAt) * 10) / 10;
  const atOuter = (t: number): number => Math.round(((outer?.origin ?? 0) + t - report.shownAt) * 10) / 10;
  const marks: Record<string, number> = {};
  for (const [name, t] of page.marks) if (name.startsWith('mr-first-') && !(name in marks)) marks[name.slice('mr-first-'.length)] = at(t);
  return {
    htmlSet: report.htmlMs,
    documentOrigin: at(0),
    outerOrigin: outer ? atOuter(0) : null,
    outerResources: (outer?.resources ?? []).map((r) => ({ name: r.name, start: atOuter(r.start), end: atOuter(r.end) })),
    fakeLoaded: page.fakeLoaded === null ? null : at(page.fakeLoaded),
    marks,
    received: report.ms,
    resources: page.resources.map((r) => ({ name: r.name, start: at(r.start), end: at(r.end) })),
    htmlBytes: page.htmlBytes,
  };
}

/** One line per showing, for the log of the run. */
export function describeTimeline(label: string, t: FirstPaintTimeline): string {
  const marks = Object.entries(t.marks).map(([k, v]) => `${k} ${v}`).join(', ');
  const res = t.resources.map((r) => `${r.name} ${r.start}→${r.end}`).join(', ');
  const outer = t.outerResources.map((r) => `${r.name} ${r.start}→${r.end}`).join(', ');
  return `${label}: html set ${t.htmlSet}, outer ${t.outerOrigin} (${outer}), origin ${t.documentOrigin}, fake.html ${t.fakeLoaded}, ${marks}, received ${t.received}; html ${t.htmlBytes} B; resources: ${res || 'none'}`;
}

/**
 * The phases as figures for npm run bench (ms after the host resolved the view, the first view shown in each
 * window): our sidebar's and the empty page's side by side, so the bench shows where the difference lies.
 */
export function phaseFigures(t: { ours: FirstPaintTimeline[]; floor: FirstPaintTimeline[] }): Record<string, { samples: number[]; method: string }> {
  const pick = (xs: FirstPaintTimeline[], f: (x: FirstPaintTimeline) => number | null | undefined): number[] => xs.map(f).filter((n): n is number => typeof n === 'number' && Number.isFinite(n));
  const how = 'from the page\'s performance timeline (test/e2e/firstPaintTimeline.ts: the inner frame\'s time origin and marks, laid beside the time the host logged for resolveWebviewView), ms after resolveWebviewView, the first webview shown in the window';
  // VS Code creates a view's webview frame (the outer frame: its index.html, service worker and message port) when it
  // shows the view, before it asks the extension to resolve it; how long after, is VS Code's own and varies from start
  // to start (seen: 27–170 ms, for either page, the larger share of either figure's spread). Timing from that frame's
  // creation starts both clocks at the same point of VS Code's set-up: the show.
  const fromShow = (x: FirstPaintTimeline, at: number | null | undefined): number | null =>
    x.outerOrigin === null || typeof at !== 'number' ? null : Math.round((at - x.outerOrigin) * 10) / 10;
  const showHow = 'from the moment VS Code showed the view (its webview frame, the outer frame VS Code creates for the view before it asks the extension to resolve it: that frame\'s time origin, test/e2e/firstPaintTimeline.ts) to the host receiving the paint report, the first webview shown in the window';
  return {
    sidebarShowToContentMs: { samples: pick(t.ours, (x) => fromShow(x, x.received)), method: `our sidebar: ${showHow}` },
    webviewFloorShowToPaintMs: { samples: pick(t.floor, (x) => fromShow(x, x.received)), method: `the empty page: ${showHow}` },
    sidebarShowToResolveMs: { samples: pick(t.ours, (x) => fromShow(x, 0)), method: 'our sidebar: from VS Code creating the view\'s webview frame to resolveWebviewView (VS Code\'s own path: activation event, then the resolve call to the extension host)' },
    webviewFloorShowToResolveMs: { samples: pick(t.floor, (x) => fromShow(x, 0)), method: 'the empty page: the same' },
    sidebarDocumentOriginMs: { samples: pick(t.ours, (x) => x.documentOrigin), method: `our sidebar: VS Code has created the webview's inner frame (its navigation starts), ${how}` },
    webviewFloorDocumentOriginMs: { samples: pick(t.floor, (x) => x.documentOrigin), method: `the empty page: the same, ${how}` },
    sidebarFirstScriptMs: { samples: pick(t.ours, (x) => x.marks.start), method: `our sidebar: its first script starts (the HTML written and parsed up to it, the script compiled), ${how}` },
    webviewFloorFirstScriptMs: { samples: pick(t.floor, (x) => x.marks.start), method: `the empty page: its script starts, ${how}` },
    sidebarFirstScreenInsertedMs: { samples: pick(t.ours, (x) => x.marks.inserted), method: `our sidebar: its script has folded the first screen (rendered by the host, parsed with the page) as the user left it, ${how}` },
    sidebarFramePaintedMs: { samples: pick(t.ours, (x) => x.marks.frame2), method: `our sidebar: the second animation frame after it (the first screen painted; the report is posted), ${how}` },
    webviewFloorFramePaintedMs: { samples: pick(t.floor, (x) => x.marks.frame2), method: `the empty page: its second animation frame (the report is posted), ${how}` },
  };
}
