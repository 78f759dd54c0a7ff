import { readFileSync } from 'node:fs';
import { findFigures } from '../../src/core/compare/figures.ts';
for (const file of process.argv.slice(2)) {
  const lines = readFileSync(file, 'utf8').split(/\n/);
  lines.forEach((l, i) => {
    const fs = findFigures(l);
    if (!fs.length) return;
    console.log(`${file}:${i}\t` + fs.map((f) => `${f.value}|${f.unit}|${f.label}`).join(' ; '));
  });
}
