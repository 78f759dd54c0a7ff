/**
 * A workspace of many reports for the scale benchmarks (issue #13): real reports of the shared
 * corpus (../shared/corpus: the State Council's and the provinces' 政府工作报告, plain text; else
 * the copies in samples/), perturbed, in series of 10–40 years, one text file per report under
 * `<dir>/<county>/<year>.txt`. Each report opens with a title line that names its issuer and year
 * (安平县2015年政府工作报告), so that the import finds the series from the text, as it does for real files.
 * Perturbations: paragraphs shuffled within a chapter, a paragraph dropped now and then, and the
 * digits of each year's figures changed, so that no two reports of a series are the same text.
 * Generated into a temp dir, never committed. Files starting with _ are not run by run.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { rng } from '../rng.ts';

export interface WorkspaceFile {
  /** Absolute path. */
  path: string;
  /** The county (series) it belongs to. */
  county: string;
  year: number;
}

export interface Workspace {
  dir: string;
  files: WorkspaceFile[];
  /** Bytes written. */
  bytes: number;
}

/** The plain-text reports the workspace is made of. */
function baseTexts(): string[] {
  const shared = path.resolve(process.cwd(), '../shared/corpus');
  const dirs = existsSync(shared)
    ? [path.join(shared, 'gwr-national'), path.join(shared, 'gwr-provincial/2026-web-text')]
    : [path.join(process.cwd(), 'samples/national')];
  return dirs
    .filter((d) => existsSync(d))
    .flatMap((d) =>
      readdirSync(d)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .map((f) => readFileSync(path.join(d, f), 'utf8')),
    );
}

const PLACE = '安平和丰宁远清河永定长乐泰兴临江青山东阳西华南城北川新田石桥龙泉凤台';

/** A county name no other series has: two characters of PLACE by the index, then 县. */
function county(i: number): string {
  const n = PLACE.length;
  const a = PLACE[i % n];
  const b = PLACE[Math.floor(i / n) % n];
  const c = i >= n * n ? PLACE[Math.floor(i / (n * n)) % n] : '';
  return `${c}${a}${b}县`;
}

/** One perturbed copy of `base` for a year. */
function perturb(base: string, rand: () => number): string {
  const lines = base.split(/\r?\n/).filter((l) => l.trim());
  const out: string[] = [];
  let run: string[] = [];
  const flush = () => {
    for (let k = run.length - 1; k > 0; k--) {
      const j = Math.floor(rand() * (k + 1));
      [run[k], run[j]] = [run[j], run[k]];
    }
    out.push(...run.filter(() => rand() > 0.05));
    run = [];
  };
  for (const l of lines) {
    if (/^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/.test(l)) {
      flush();
      out.push(l);
    } else run.push(l.replace(/\d/g, (d) => (rand() < 0.3 ? String(Math.floor(rand() * 10)) : d)));
  }
  flush();
  return out.join('\n\n');
}

/**
 * Writes `count` reports in series of 10–40 years into `dir` (default: a new temp dir). The same
 * seed gives the same workspace.
 */
export function buildWorkspace(count: number, options: { dir?: string; seed?: number; seriesLength?: [number, number] } = {}): Workspace {
  const rand = rng(options.seed ?? 13);
  const [minLen, maxLen] = options.seriesLength ?? [10, 40];
  const bases = baseTexts();
  if (!bases.length) throw new Error('bench/scale: no reports to build a workspace from (../shared/corpus or samples/national)');
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'annals-scale-'));
  const files: WorkspaceFile[] = [];
  let bytes = 0;
  for (let s = 0; files.length < count; s++) {
    const name = county(s);
    const length = Math.min(count - files.length, minLen + Math.floor(rand() * (maxLen - minLen + 1)));
    const first = 2025 - length;
    mkdirSync(path.join(dir, name), { recursive: true });
    for (let k = 0; k < length; k++) {
      const year = first + k;
      const text = `${name}${year}年政府工作报告\n\n${perturb(bases[Math.floor(rand() * bases.length)], rand)}\n`;
      const file = path.join(dir, name, `${year}.txt`);
      writeFileSync(file, text);
      bytes += Buffer.byteLength(text);
      files.push({ path: file, county: name, year });
    }
  }
  return { dir, files, bytes };
}
