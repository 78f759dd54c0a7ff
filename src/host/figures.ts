/**
 * The figures of a run of paragraphs, a table's rows read by its columns: a bundle of its own (dist/figures.js), loaded
 * only when the Trends view charts a figure or Compare lays out its figures (figureChunk.ts), so that the extension's bundle
 * carries no figure reader.
 */
export { findFigures, paragraphsFigures, templateFigures } from '../core/index.ts';
