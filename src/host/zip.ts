/**
 * Writes a zip archive the core made (QDPX) with fflate: a bundle of its own (dist/zip.js), loaded
 * only when a zip is exported (exportBytes.ts), so that the extension's bundle carries no zip code.
 */
export { zipArchive } from '../core/index.ts';
