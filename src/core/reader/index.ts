export { importSource, importSourceAsync } from './import.ts';
export { FORMAT_EXTENSIONS, SOURCE_EXTENSIONS, SOURCE_GLOB } from './extensions.ts';
