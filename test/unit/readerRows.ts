/**
 * What the reader's edge rows compare (reader-html-edges, reader-html2-edges): an import as a user
 * sees it, with a filler paragraph shown as 'ZH' and the notes every row would show left out.
 */
import { importSource } from '../../src/core/index.ts';

export const enc = (s: string) => new TextEncoder().encode(s);
export const ZH = '今年以来，我们坚持稳中求进工作总基调，经济运行总体平稳，发展质量稳步提升，人民生活持续改善，社会大局保持稳定。';
export const T = '某区2019年政府工作报告';

/** Report notes every row would show: no chapter markers, the title from the file name. */
export const QUIET = new Set<string | undefined>(['noMarkers', 'titleFromFileName']);

/** What a user sees of an import: the file's problems, and each report's title, date, notes and paragraphs. */
export function imp(name: string, input: string | Uint8Array) {
  const r = importSource(name, typeof input === 'string' ? enc(input) : input);
  return [
    r.diagnostics.map((d) => d.code),
    r.reports.map((p) => [
      p.title,
      p.published,
      p.diagnostics.filter((d) => !QUIET.has(d.code)).map((d) => d.code),
      p.paragraphs.map((x) => (x.text === ZH ? 'ZH' : x.text)),
    ]),
  ];
}
export const doc = (body: string, head = '') => `<html><head>${head}</head><body>${body}</body></html>`;
export const zoom = `<div id="zoom"><p>${ZH}</p></div>`;
