// jsdom lacks matchMedia, which the UI toolkit's styles call when their module loads; a browser (and
// VS Code's webview) always has it. Imported first by the fake host so it runs before any app module.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = ((query: string): MediaQueryList =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList) as typeof window.matchMedia;
}
export {};
