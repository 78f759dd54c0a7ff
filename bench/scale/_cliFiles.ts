/**
 * The files of bench/scale/cli.ts: `count` report files built from the State Council's reports of
 * the shared corpus (or, without it, the national fixtures), perturbed, in series of 10–40 years,
 * one folder a series (`s0001/2003.txt`), each file with the title line of its place and year.
 * Deterministic: the same files for the same count and seed.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { rng } from '../rng.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SHARED = path.join(ROOT, '../shared/corpus/gwr-national');
const FIXTURES = path.join(ROOT, 'test/fixtures/national');

/** Two characters a place name: 20 × 20 places, enough for 10,000 files in series of 10–40 years. */
const FIRST = [...'临江北安平宁长清远新德广和丰东西南永兴泰'];
const SECOND = [...'川山阳州源城河陵林田溪原岭湖宁丘泉峰水昌'];

/** The national reports' texts (their bodies; they have no title line). */
function bodies(): string[] {
  const dir = existsSync(SHARED) ? SHARED : FIXTURES;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(path.join(dir, f), 'utf8'));
}

/** A report perturbed: a paragraph dropped, two swapped, some digits changed; the rest as written. */
function perturb(text: string, random: () => number): string {
  const paras = text.split(/\n\s*\n/);
  if (paras.length > 8) {
    paras.splice(2 + Math.floor(random() * (paras.length - 4)), 1);
    const i = 2 + Math.floor(random() * (paras.length - 4));
    [paras[i], paras[i + 1]] = [paras[i + 1], paras[i]];
  }
  return paras.join('\n\n').replace(/\d/g, (d) => (random() < 0.05 ? String((Number(d) + 1) % 10) : d));
}

/** Writes the files under `dir`; returns the series folders, in order. */
export function buildCliFiles(dir: string, count: number, seed = 13): string[] {
  const random = rng(seed);
  const texts = bodies();
  const folders: string[] = [];
  let written = 0;
  for (let s = 0; written < count; s++) {
    const place = `${FIRST[s % FIRST.length]}${SECOND[Math.floor(s / FIRST.length) % SECOND.length]}${s < 400 ? '' : Math.floor(s / 400)}市`;
    const years = Math.min(count - written, 10 + Math.floor(random() * 31));
    const first = 2025 - years;
    const folder = path.join(dir, `s${String(s).padStart(4, '0')}`);
    mkdirSync(folder, { recursive: true });
    folders.push(folder);
    for (let k = 0; k < years; k++) {
      const year = first + k;
      const body = perturb(texts[(s * 7 + k) % texts.length], random);
      writeFileSync(path.join(folder, `${year}.txt`), `${place}${year}年政府工作报告\n\n${body}`);
      written++;
    }
  }
  return folders;
}
