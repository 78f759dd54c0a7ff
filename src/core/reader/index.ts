export { importSource, importSourceAsync } from './import.ts';
export { SOURCE_EXTENSIONS, SOURCE_GLOB } from './extensions.ts';
export { attr, attrText, scanXml, xmlText } from './xml.ts';
export { isZip, readZipParts } from './zip.ts';
export { decodeUtf8Strict } from './utf8.ts';
export { measureAll } from './wrap.ts';
