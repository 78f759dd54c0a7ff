/**
 * Snapshots of what the readers make of the real corpus, to check that a change for speed reads
 * every real report as before:
 *
 *   node --import tsx test/fuzz/outlines.ts OUT [CORPUS]
 *
 * writes, for every file under CORPUS (default ../shared/corpus), OUT/<path>.json: the outline
 * (`annals outline --json`) and every paragraph's role and text. Run it before and after a change
 * and compare the folders (`diff -r before after`): they must be byte-identical unless the change
 * is an intended fix.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importInput, walk } from '../../src/cli/files.ts';
import { outlineJson } from '../../src/core/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [out, corpus = path.join(ROOT, '../shared/corpus')] = process.argv.slice(2);
if (!out) {
  process.stderr.write('usage: node --import tsx test/fuzz/outlines.ts OUT [CORPUS]\n');
  process.exit(2);
}
async function main(): Promise<void> {
  let count = 0;
  for (const { path: file } of walk(corpus, () => false)) {
    const rel = path.relative(corpus, file);
    if (rel.endsWith('.md')) continue;
    const imp = await importInput(rel, readFileSync(file), 1 << 30);
    const snapshot = {
      ...outlineJson(imp),
      paragraphs: imp.reports.map((r) => r.paragraphs.map((p) => `${p.role}\t${p.text}`)),
    };
    const target = path.join(out, `${rel}.json`);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, `${JSON.stringify(snapshot, null, 1)}\n`);
    count++;
  }
  process.stdout.write(`${count} files written to ${out}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
