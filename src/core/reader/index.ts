export { importSource, importSourceAsync } from './import.ts';
export { SOURCE_EXTENSIONS, SOURCE_GLOB } from './extensions.ts';
