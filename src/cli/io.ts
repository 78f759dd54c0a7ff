/** Where a command writes: standard output (results) and standard error (messages). The one Io of the CLI. */
export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}
