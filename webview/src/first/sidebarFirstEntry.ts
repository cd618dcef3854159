// Entry of dist/webview/first.js: runs inline in the sidebar's page, right after the first screen's slot and data.
import type { VsCodeApi } from '../host';
import { paintFirstScreen } from './sidebarFirst';

declare function acquireVsCodeApi(): VsCodeApi;

paintFirstScreen(document, window, () => acquireVsCodeApi());
