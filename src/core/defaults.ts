/**
 * Every default of the `annals.*` settings and of the CLI's matching options, written once.
 * package.json's setting defaults are checked against these by a test.
 */
export const DEFAULTS = {
  /** annals.maxFileSizeMB, --max-size-mb */
  maxFileSizeMB: 50,
  /** annals.maxScanFiles */
  maxScanFiles: 2000,
  /** annals.sidecarFolder, --sidecar-folder: '' keeps sidecars next to their sources. */
  sidecarFolder: '',
  /** annals.author, --author: '' asks once. */
  author: '',
  /** annals.importTimeoutSeconds: how long the import of one file may take before it is stopped. */
  importTimeoutSeconds: 10,
  /** annals.importFolder: where Import Report from URL… saves what it fetches, relative to the workspace folder. */
  importFolder: 'reports',
  /**
   * annals.cacheMegabytes: how much the reports' full texts (and paragraphs) kept in memory may weigh; the
   * others are read again when needed. Every report's metadata and outline stay.
   */
  cacheMegabytes: 128,
} as const;

const MB = 1024 * 1024;

/** Megabytes as bytes. */
export function megabytes(mb: number): number {
  return mb * MB;
}

export const DEFAULT_MAX_BYTES = megabytes(DEFAULTS.maxFileSizeMB);
