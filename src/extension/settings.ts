import * as vscode from 'vscode';
import { type CodingMode, DEFAULTS, megabytes, SOURCE_GLOB } from '../core/index.ts';

/**
 * Every `annals.*` setting, read here and nowhere else. The defaults come from the core
 * (DEFAULTS, SOURCE_GLOB), the same values package.json declares (a test checks they agree).
 */
const SECTION = 'annals';

export type SettingKey =
  | 'sources'
  | 'maxFileSizeMB'
  | 'maxScanFiles'
  | 'author'
  | 'sidecarFolder'
  | 'importFolder'
  | 'importTimeoutSeconds'
  | 'coding.mode'
  | 'cacheMegabytes';

/** The settings that change what discovery finds (not annals.author, annals.sidecarFolder). */
export const DISCOVERY_SETTINGS: readonly SettingKey[] = ['sources', 'maxFileSizeMB', 'maxScanFiles'];

export interface DiscoverySettings {
  /** annals.sources: the glob of the files to scan. */
  sources: string;
  /** annals.maxFileSizeMB, in bytes. */
  maxBytes: number;
  /** annals.maxScanFiles. */
  maxScanFiles: number;
}

export function discoverySettings(): DiscoverySettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const mb = c.get<number>('maxFileSizeMB', DEFAULTS.maxFileSizeMB);
  return {
    sources: c.get<string>('sources', SOURCE_GLOB) || SOURCE_GLOB,
    maxBytes: megabytes(mb > 0 ? mb : DEFAULTS.maxFileSizeMB),
    maxScanFiles: Math.max(1, c.get<number>('maxScanFiles', DEFAULTS.maxScanFiles)),
  };
}

export interface AnnotationSettings {
  /** annals.author; '' until the user has been asked. */
  author: string;
  /** annals.sidecarFolder; '' keeps sidecars next to their sources. */
  sidecarFolder: string;
}

export function annotationSettings(): AnnotationSettings {
  const c = vscode.workspace.getConfiguration(SECTION);
  return { author: c.get<string>('author', DEFAULTS.author) ?? '', sidecarFolder: c.get<string>('sidecarFolder', DEFAULTS.sidecarFolder) ?? '' };
}

/**
 * annals.coding.mode: where it is set (in the user or workspace settings), the mode to write to
 * .annals/project.json; undefined when it is left at its default (the project file decides).
 */
export function codingModeSetting(): CodingMode | undefined {
  const v = vscode.workspace.getConfiguration(SECTION).get<string>('coding.mode', '');
  return v === 'shared' || v === 'independent' ? v : undefined;
}

/** annals.cacheMegabytes, in bytes: what the full reports kept in memory may weigh. */
export function cacheBytes(): number {
  const mb = vscode.workspace.getConfiguration(SECTION).get<number>('cacheMegabytes', DEFAULTS.cacheMegabytes);
  return megabytes(typeof mb === 'number' && mb >= 1 ? mb : DEFAULTS.cacheMegabytes);
}

/** annals.importTimeoutSeconds: the time budget of one file's import. */
export function importTimeoutSeconds(): number {
  const s = vscode.workspace.getConfiguration(SECTION).get<number>('importTimeoutSeconds', DEFAULTS.importTimeoutSeconds);
  return typeof s === 'number' && s > 0 ? s : DEFAULTS.importTimeoutSeconds;
}

/** annals.importFolder: a folder relative to the workspace folder ('' or '.' is the folder itself); never outside it. */
export function importFolder(): string {
  const raw = vscode.workspace.getConfiguration(SECTION).get<string>('importFolder', DEFAULTS.importFolder) ?? DEFAULTS.importFolder;
  const parts = raw
    .replace(/\\/g, '/')
    .split('/')
    .filter((p) => p && p !== '.');
  return parts.some((p) => p === '..') ? DEFAULTS.importFolder : parts.join('/');
}

/** Keeps the author's name in the user settings (annals.author). */
export async function saveAuthor(name: string): Promise<void> {
  await vscode.workspace.getConfiguration(SECTION).update('author', name, vscode.ConfigurationTarget.Global);
}

/** Calls `listener` when one of these settings changes. */
export function onDidChangeSettings(keys: readonly SettingKey[], listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (keys.some((k) => e.affectsConfiguration(`${SECTION}.${k}`))) listener();
  });
}

/** Always excluded from discovery, whatever the user's glob says. */
const ALWAYS_EXCLUDE = '**/{node_modules,.git}/**';

/**
 * The exclude glob for discovery: the user's `files.exclude` (passing any exclude to findFiles
 * replaces it) plus node_modules and .git.
 */
export function discoveryExclude(): string {
  const user = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude', {}) ?? {};
  // A pattern with its own braces or commas cannot sit inside one {a,b} group: it is left out
  // (the only loss), the others still apply.
  const patterns = Object.entries(user)
    .filter(([glob, on]) => on === true && !/[{},]/.test(glob))
    .map(([glob]) => glob);
  if (!patterns.length) return ALWAYS_EXCLUDE;
  return `{${[...patterns, '**/node_modules/**', '**/.git/**'].join(',')}}`;
}
