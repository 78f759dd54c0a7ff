import * as vscode from 'vscode';

export const DEFAULT_SOURCES = '**/*.{xml,rss,atom,html,htm,txt}';

export interface AnnalsConfig {
  sources: string;
  maxBytes: number;
  maxScanFiles: number;
}

export function readConfig(): AnnalsConfig {
  const c = vscode.workspace.getConfiguration('annals');
  const mb = c.get<number>('maxFileSizeMB', 50);
  return {
    sources: c.get<string>('sources', DEFAULT_SOURCES) || DEFAULT_SOURCES,
    maxBytes: (mb > 0 ? mb : 50) * 1024 * 1024,
    maxScanFiles: Math.max(1, c.get<number>('maxScanFiles', 2000)),
  };
}

/** Always excluded from discovery, whatever the user's glob says. */
export const ALWAYS_EXCLUDE = '**/{node_modules,.git}/**';

/**
 * The exclude glob for discovery: the user's `files.exclude` (passing any exclude to findFiles
 * replaces it) plus node_modules and .git.
 */
export function discoveryExclude(): string {
  const user = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude', {}) ?? {};
  // A pattern with its own braces or commas cannot sit inside one {a,b} group: it is left out
  // (the only loss), the others still apply.
  const patterns = Object.entries(user).filter(([glob, on]) => on === true && !/[{},]/.test(glob)).map(([glob]) => glob);
  if (!patterns.length) return ALWAYS_EXCLUDE;
  return `{${[...patterns, '**/node_modules/**', '**/.git/**'].join(',')}}`;
}
