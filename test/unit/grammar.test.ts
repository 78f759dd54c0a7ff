import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';
import { ROOT } from './helpers.ts';

const require = createRequire(import.meta.url);

async function loadGrammar() {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (s: string[]) => new oniguruma.OnigScanner(s),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () =>
      vsctm.parseRawGrammar(readFileSync(path.join(ROOT, 'syntaxes/annals-report.tmLanguage.json'), 'utf8'), 'annals-report.tmLanguage.json'),
  });
  const g = await registry.loadGrammar('text.annals-report');
  assert.ok(g);
  return g;
}

/** Tokenizes a document and returns, for each line, [text, scopes] pairs. */
async function tokenize(text: string) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes.join(' ')] as const);
  });
}

function scopeOf(lines: (readonly (readonly [string, string])[])[], line: number, piece: string): string {
  const tok = lines[line].find(([t]) => t.includes(piece));
  assert.ok(tok, `no token holds “${piece}” on line ${line}: ${JSON.stringify(lines[line])}`);
  return tok[1];
}

test('the grammar colours headings, figures, dates, document titles and quotes', async () => {
  const doc = [
    '佛山市南海区人民政府2018年度法治政府建设工作报告',
    '佛山市南海区人民政府 · 2018 · 2019-06-18T08:19:00Z · http://x',
    '',
    '2018年法治政府建设工作情况',
    '',
    '一、加强统筹督导,高质量推进法治政府建设工作',
    '',
    '(一)落实第一责任人职责。全年共收到行政复议申请918宗，综合纠错率40.5%，涉及3486.57万元。',
    '',
    '制定了《佛山市南海区2018年法治政府建设工作要点》，推进“双随机一公开”工作，2017年12月15日印发。',
    '',
    '刚刚过去的１９８４年，全年增长１２．５％。',
  ].join('\n');
  const t = await tokenize(doc);
  assert.match(scopeOf(t, 0, '佛山市南海区人民政府2018'), /markup\.heading\.1/);
  assert.match(scopeOf(t, 1, '·'), /comment\.line\.metadata/);
  assert.match(scopeOf(t, 3, '工作情况'), /entity\.name\.section\.part/);
  assert.match(scopeOf(t, 5, '一、'), /keyword\.other\.chapter/);
  assert.match(scopeOf(t, 5, '加强统筹督导'), /markup\.heading\.2/);
  assert.match(scopeOf(t, 7, '(一)'), /keyword\.other\.section/);
  assert.match(scopeOf(t, 7, '落实第一责任人职责'), /markup\.heading\.3/);
  assert.match(scopeOf(t, 7, '918宗'), /constant\.numeric\.figure/);
  assert.match(scopeOf(t, 7, '40.5%'), /constant\.numeric\.figure/);
  assert.match(scopeOf(t, 7, '3486.57万元'), /constant\.numeric\.figure/);
  assert.doesNotMatch(scopeOf(t, 7, '全年共收到'), /markup\.heading/, 'the body after the heading sentence is not a heading');
  assert.match(scopeOf(t, 9, '佛山市南海区'), /entity\.name\.type\.document/);
  assert.match(scopeOf(t, 9, '双随机一公开'), /string\.quoted\.double/);
  assert.match(scopeOf(t, 9, '2017年12月15日'), /constant\.other\.date/);
  assert.match(scopeOf(t, 11, '１９８４年'), /constant\.other\.date/);
  assert.match(scopeOf(t, 11, '１２．５％'), /constant\.numeric\.figure/);
});
