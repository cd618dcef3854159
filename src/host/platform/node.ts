// The desktop (Node) extension host: environment variables, and VS Code's ripgrep for the fast scan.
import { readFile } from 'node:fs/promises';
import { findBundledRipgrep, runRipgrepListing } from '../modelRefs/ripgrep';
import type { LocalScan, Platform } from './platform';

export const nodeLocalScan: LocalScan = {
  findRipgrep: () => findBundledRipgrep(),
  runListing: runRipgrepListing,
  pathSegments: (path) => path.split(process.platform === 'win32' ? /[\\/]/ : '/'),
  readFile: (fsPath) => readFile(fsPath),
};

export const nodePlatform: Platform = { kind: 'node', env: process.env, localScan: nodeLocalScan, crossOrigin: false };
