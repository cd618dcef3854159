// Glob patterns as VS Code settings write them (`**/node_modules`, `src/**/*.{ts,js}`), compiled to RegExps
// matched against workspace-relative '/'-separated paths.

function escapeRe(s: string): string {
  return s.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

function compileBody(pattern: string): string {
  let re = '';
  let i = 0;
  let inBraces = 0;
  while (i < pattern.length) {
    const c = pattern.charAt(i);
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        const atStart = i === 0 || pattern[i - 1] === '/';
        const atEnd = i + 2 === pattern.length || pattern[i + 2] === '/';
        if (atStart && atEnd) {
          // "**/" matches zero or more whole segments; a trailing "**" matches everything below.
          if (i + 2 === pattern.length) re += '.*';
          else {
            re += '(?:[^/]*/)*';
            i++;
          }
          i += 2;
          continue;
        }
        re += '[^/]*';
        i += 2;
        continue;
      }
      re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      inBraces++;
      re += '(?:';
    } else if (c === '}' && inBraces > 0) {
      inBraces--;
      re += ')';
    } else if (c === ',' && inBraces > 0) re += '|';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) re += '\\[';
      else {
        let cls = pattern.slice(i + 1, close).replace(/\\/g, '\\\\');
        if (cls.startsWith('!')) cls = '^' + cls.slice(1);
        re += `[${cls}]`;
        i = close;
      }
    } else re += escapeRe(c);
    i++;
  }
  while (inBraces-- > 0) re += ')';
  return re;
}

/**
 * A pattern without "/" matches a name at any depth (as in .gitignore), so "node_modules" and "*.min.js" work
 * the way people write them; other patterns match the whole relative path. Backslashes count as "/".
 */
export function compileGlob(pattern: string): RegExp {
  let p = pattern.trim().replace(/\\/g, '/');
  if (p.startsWith('./')) p = p.slice(2);
  if (p.startsWith('/')) p = p.slice(1);
  if (p.endsWith('/')) p = p.slice(0, -1);
  const body = compileBody(p);
  return p.includes('/') ? new RegExp(`^${body}$`) : new RegExp(`(?:^|/)${body}$`);
}

export interface GlobSet {
  /** True when the path, or one of its parent folders, matches a pattern. */
  matches(path: string): boolean;
  /** True when the path itself matches (no parent check). */
  matchesExactly(path: string): boolean;
}

export function compileGlobs(patterns: readonly string[]): GlobSet {
  const res = patterns.filter((p) => p.trim() !== '').map(compileGlob);
  const exact = (path: string): boolean => res.some((re) => re.test(path));
  return {
    matchesExactly: exact,
    matches: (path: string): boolean => {
      if (res.length === 0) return false;
      let p = path;
      for (;;) {
        if (exact(p)) return true;
        const slash = p.lastIndexOf('/');
        if (slash < 0) return false;
        p = p.slice(0, slash);
      }
    },
  };
}
