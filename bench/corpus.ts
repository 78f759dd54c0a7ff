/**
 * Builds a synthetic corpus from the real reports: the shared corpus when it is there
 * (../shared/corpus), else the copies in samples/. Each synthetic report takes a real
 * report's blocks, shuffles the paragraphs inside each chapter, and varies the numbering
 * (4、 for 四、, a lost 、, half-width section parentheses), then goes out as RSS items with
 * HTML bodies (CDATA), 25 items to a feed file.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { rng } from './rng.ts';
import { importSource } from '../src/core/index.ts';

/** The repository root: the bench runs from there (bench/run.ts sets the working folder). */
const ROOT = process.cwd();

export interface SyntheticFeed {
  name: string;
  xml: string;
  bodies: string[];
}

function sourceFiles(): string[] {
  const shared = path.resolve(ROOT, '../shared/corpus');
  const dirs = existsSync(shared)
    ? [path.join(shared, 'nanhai'), path.join(shared, 'gwr-national')]
    : [path.join(ROOT, 'samples/nanhai'), path.join(ROOT, 'samples/national')];
  return dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => path.join(d, f)),
  );
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function baseReports(): { title: string; blocks: string[] }[] {
  const out: { title: string; blocks: string[] }[] = [];
  for (const f of sourceFiles()) {
    for (const r of importSource(f, readFileSync(f)).reports) {
      out.push({ title: r.title, blocks: r.paragraphs.filter((p) => p.role !== 'trailing').map((p) => p.text) });
    }
  }
  return out;
}

export function buildCorpus(count: number, seed = 42): SyntheticFeed[] {
  const rand = rng(seed);
  const bases = baseReports();
  const feeds: SyntheticFeed[] = [];
  let items: string[] = [];
  let bodies: string[] = [];
  const flush = () => {
    if (!items.length) return;
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>synthetic</title>\n${items.join('\n')}\n</channel></rss>\n`;
    feeds.push({ name: `feed-${feeds.length}.xml`, xml, bodies });
    items = [];
    bodies = [];
  };
  for (let i = 0; i < count; i++) {
    const base = bases[Math.floor(rand() * bases.length)];
    // Shuffle paragraphs within runs between headings; vary the numbering.
    const blocks: string[] = [];
    let run: string[] = [];
    const flushRun = () => {
      for (let k = run.length - 1; k > 0; k--) {
        const j = Math.floor(rand() * (k + 1));
        [run[k], run[j]] = [run[j], run[k]];
      }
      blocks.push(...run);
      run = [];
    };
    for (const b of base.blocks) {
      const heading = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/.test(b);
      if (!heading) {
        run.push(b);
        continue;
      }
      flushRun();
      const v = rand();
      if (v < 0.05) blocks.push(b.replace(/^四、/, '4、'));
      else if (v < 0.1) blocks.push(b.replace(/^([一二三四五六七八九十]+)、/, '$1'));
      else if (v < 0.3) blocks.push(b.replace(/^（([一二三四五六七八九十]+)）/, '($1)'));
      else blocks.push(b);
    }
    flushRun();
    const year = 2000 + Math.floor(rand() * 25);
    const body = blocks.map((b) => `<p>${esc(b)}</p>`).join('\n');
    bodies.push(body);
    items.push(
      `<item><title>${esc(`${base.title} ${year}年度 #${i}`)}</title><link>http://example.invalid/r/${i}</link><pubDate>Tue, 18 Jun 2019 08:19:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`,
    );
    if (items.length === 25) flush();
  }
  flush();
  return feeds;
}
