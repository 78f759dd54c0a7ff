export { importSource } from './import.ts';
export { FORMATS, isSourceFile, SOURCE_EXTENSIONS, SOURCE_GLOB, sniffFormat } from './formats.ts';
export { fileExtension, type FormatRead, type SniffInput, type SourceFormatSpec } from './registry.ts';
