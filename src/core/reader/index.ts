export { importSource } from './import.ts';
export { SOURCE_EXTENSIONS, SOURCE_GLOB } from './formats.ts';
