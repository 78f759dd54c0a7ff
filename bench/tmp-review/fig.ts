import { readFileSync } from 'node:fs';
import { findFigures } from '../../src/core/compare/figures.ts';
const lines = readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
for (const l of lines) {
  console.log('== ' + l);
  for (const f of findFigures(l)) console.log(`   ${f.value}${f.unit ? ' [' + f.unit + ']' : ''}  label=「${f.label}」`);
}
