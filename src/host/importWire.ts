/**
 * How an import travels from the import worker (src/extension/importWorker.ts) to the thread that asked for it, the
 * extension's or the CLI's: a structured clone, without what the receiver can rebuild.
 */
import type { SourceImport } from '../core/index.ts';

/**
 * An import as a worker posts it: a paragraph whose text is its report's text from its start to its end (nearly every
 * one) goes without it, so that the text is not copied twice on the way. The import is changed in place.
 */
export function packImport(imp: SourceImport): SourceImport {
  for (const r of imp.reports) for (const p of r.paragraphs) if (p.text === r.text.slice(p.start, p.end)) (p as { text: string | undefined }).text = undefined;
  return imp;
}

/**
 * A packed import (packImport) whole again: each paragraph without a text takes it from its report's text. What is not
 * an import's shape (a stand-in worker's answer) is left as it is: the receiver must never throw on a worker's message.
 */
export function unpackImport(imp: SourceImport): SourceImport {
  if (!Array.isArray(imp?.reports)) return imp;
  for (const r of imp.reports) {
    if (!Array.isArray(r?.paragraphs) || typeof r.text !== 'string') continue;
    for (const p of r.paragraphs) if (p.text === undefined) p.text = r.text.slice(p.start, p.end);
  }
  return imp;
}
