// What the status-bar and alert tests share: the builders' clock and settings changed from the defaults.
import { defaultSettings, type Settings } from '../../src/core/service/settings';

/** The builders' data was fetched at 09:00:00Z; "now" is half a minute later. */
export const FETCHED = Date.parse('2026-07-29T09:00:00Z');
export const NOW = FETCHED + 30_000;
export const MIN = 60_000;

/** The default settings with `change` applied. */
export function withSettings(change: (s: Settings) => void = () => {}): Settings {
  const s = defaultSettings();
  change(s);
  return s;
}
