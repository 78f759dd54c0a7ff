export { DEFAULT_MAX_BYTES, importSource, sniffFormat } from './import.ts';
