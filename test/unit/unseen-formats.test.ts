/**
 * The same page openings as text, Word and PDF (test/fixtures/unseen/formats, made by LibreOffice from the text, some also
 * from a page that sets it as a document is): each reads the same year, issuer, type and chapters in every form, and the
 * year, issuer and type are the right ones.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { importSourceAsync } from '../../src/core/index.ts';
import { createPdfExtractor } from '../../src/host/pdfjs.ts';
import { nodeInflateRaw } from '../../src/host/inflate.ts';
import { FIXTURES } from './helpers.ts';

const DIR = path.join(FIXTURES, 'unseen', 'formats');
const pdfText = createPdfExtractor({ timeoutMs: 30_000 });

const EXPECTED: Record<string, { year: number | null; issuer: string | null; type: string | null }> = {
  'A-03-wujiaochangjiedao': { year: 2016, issuer: '五角场街道办事处', type: '工作总结和工作安排' },
  'A-11-jiangxisheng': { year: 2010, issuer: '江西省人民政府', type: '政府工作报告' },
  'C-13-hezhoushi-2009-xxgk': { year: 2009, issuer: '贺州市人民政府', type: '政府信息公开工作年度报告' },
  // A paper's report of the session: no report, its headline its title.
  'D-15-jiyangxian-xinwen-zongshu': { year: null, issuer: null, type: null },
  'E-13-jianglexian-2020-fazhi': { year: 2020, issuer: '将乐县人民政府', type: '法治政府建设工作报告' },
  'E-17-liangchengzhen-2020-xinxigongkai': { year: 2020, issuer: '两城镇人民政府', type: '政府信息公开工作年度报告' },
  'F-06-shizhuxian-2022-gb': { year: 2022, issuer: '石柱土家族自治县', type: '国民经济和社会发展统计公报' },
  'F-20-weishanxian-2021-gb': { year: 2021, issuer: '巍山彝族回族自治县', type: '国民经济和社会发展统计公报' },
};

const reading = async (file: string) => {
  const r = (await importSourceAsync(file, readFileSync(path.join(DIR, file)), { pdfText, inflateRaw: nodeInflateRaw })).reports[0];
  assert.ok(r, file);
  return { title: r.title, year: r.year, issuer: r.issuer, type: r.type, chapters: r.outline.map((n) => n.title) };
};

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`${name}: the same report as text, Word and PDF`, async () => {
    const text = await reading(`${name}.txt`);
    if (name.startsWith('D-15')) assert.equal(text.title, '济阳县第十八届人民代表大会第二次会议隆重开幕');
    assert.deepEqual({ year: text.year, issuer: text.issuer, type: text.type }, expected);
    // The text as it is, and set as a document is (.styled: the title centred and large, headings bold, paragraphs indented).
    const forms = ['docx', 'pdf', 'styled.docx', 'styled.pdf'].filter((f) => existsSync(path.join(DIR, `${name}.${f}`)));
    assert.ok(forms.length >= 2, name);
    for (const form of forms) assert.deepEqual(await reading(`${name}.${form}`), text, form);
  });
}
