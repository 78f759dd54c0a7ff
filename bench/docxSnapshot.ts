/**
 * A before/after check of the Word reader: importSource's whole result (reports, outlines, text,
 * diagnostics) as JSON for every .docx of the corpus and the fixtures, three damaged copies of each,
 * and 1,500 generated Word files (runs, properties, numbering, styles, tables, text boxes, entities,
 * CDATA, comments, bad bytes, cut documents, a BOM, UTF-16), from a fixed seed. Run it on a copy
 * of src/ from before a change and on the current one, and compare the two files:
 *
 *   git archive HEAD src | tar -x -C /tmp/before && ln -s "$PWD/node_modules" /tmp/before/node_modules
 *   node --import tsx bench/docxSnapshot.ts /tmp/before/src /tmp/before.json
 *   node --import tsx bench/docxSnapshot.ts src /tmp/after.json && cmp /tmp/before.json /tmp/after.json
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let seed = 20261129;
const rnd = () => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
};
const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)];
const int = (n: number) => Math.floor(rnd() * n);

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TEXTS = [
  '一、总体情况',
  '（二）加强统筹',
  '全年主动公开信息1136条。',
  '2024年法治政府建设工作情况',
  'A &amp; B',
  '&lt;tag&gt;',
  '&#x4E00;&#20108;三',
  '&foo;未知',
  '&#0;零',
  'Latin text, with words',
  '  spaced  ',
  '𠀀𝟘 emoji 😀',
  '各位代表：',
  '某县2024年法治政府建设年度报告',
  '三、存在问题',
  '——2025年1月19日',
  '',
  '"quoted" \'single\'',
  '&apos;&quot;',
  '&amp;amp;',
];
const RPR = [
  '',
  '<w:b/>',
  '<w:b w:val="0"/>',
  '<w:vanish/>',
  '<w:b/><w:vanish w:val="false"/>',
  '<w:i/><w:sz w:val="32"/>',
  '<w:b w:val="off" />',
  '<w:rFonts w:ascii="a>b" w:hAnsi=\'x"y\'/>',
];

function run(): string {
  const t = pick(TEXTS);
  const props = pick(RPR);
  const r = rnd();
  const rp = props ? `<w:rPr>${props}</w:rPr>` : '';
  if (r < 0.05) return `<w:r>${rp}<w:tab/><w:t>${t}</w:t></w:r>`;
  if (r < 0.1) return `<w:r>${rp}<w:t>${t}</w:t><w:br/><w:t>${pick(TEXTS)}</w:t></w:r>`;
  if (r < 0.12) return `<w:r><w:sym w:font="Wingdings" w:char="${pick(['F0FC', '00A7', '4E00', 'E000', 'zz'])}"/></w:r>`;
  if (r < 0.14) return `<w:r><w:noBreakHyphen/><w:t>${t}</w:t></w:r>`;
  if (r < 0.16) return `<w:del w:id="1"><w:r><w:delText>${t}</w:delText></w:r></w:del>`;
  if (r < 0.18) return `<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r><w:r><w:t>${t}</w:t></w:r>`;
  if (r < 0.2) return `<w:r><w:t><![CDATA[${t}<&>]]></w:t></w:r>`;
  if (r < 0.22) return `<!-- comment <w:t>no</w:t> --><w:r><w:t>${t}</w:t></w:r>`;
  if (r < 0.24) return `<w:r><w:footnoteReference w:id="2"/></w:r>`;
  if (r < 0.26)
    return `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:t>${t}</w:t></w:r></mc:Choice><mc:Fallback><w:r><w:t>fallback</w:t></w:r></mc:Fallback></mc:AlternateContent>`;
  if (r < 0.28) return `<w:r><w:t xml:space="preserve">${t}</w:t></w:r><w:r><w:t>${pick(TEXTS)}</w:t></w:r>`;
  if (r < 0.3) return `<w:r>${rp}<w:t >${t}</w:t ><w:cr/></w:r>`;
  if (r < 0.32) return `<w:r><w:drawing><wp:inline><w:txbxContent>${para(1)}</w:txbxContent></wp:inline></w:drawing></w:r>`;
  if (r < 0.33) return `<w:ins w:id="3"><w:r><w:t>${t}</w:t></w:r></w:ins>`;
  if (r < 0.34) return `<w:moveFrom><w:r><w:t>${t}</w:t></w:r></w:moveFrom>`;
  if (r < 0.35) return `<w:r><w:t>${t}</w:t><w:t>${t}</w:t></w:r>`;
  if (r < 0.36) return `<w:r><w:t/></w:r>`;
  if (r < 0.37) return `<w:r><w:t>${t}\n${t}</w:t></w:r>`;
  return `<w:r>${rp}<w:t>${t}</w:t></w:r>`;
}

function pPr(): string {
  const r = rnd();
  if (r < 0.5) return '';
  const parts: string[] = [];
  if (rnd() < 0.4) parts.push(`<w:pStyle w:val="${pick(['Heading1', 'Heading2', 'Normal', 'ListNum', 'Bold', 'Missing'])}"/>`);
  if (rnd() < 0.4) parts.push(`<w:numPr><w:ilvl w:val="${int(4)}"/><w:numId w:val="${pick(['1', '2', '3', '0', '9'])}"/></w:numPr>`);
  if (rnd() < 0.3) parts.push('<w:jc w:val="center"/><w:rPr><w:b/><w:vanish/></w:rPr>');
  if (rnd() < 0.1) parts.push('<w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs>');
  return `<w:pPr>${parts.join('')}</w:pPr>`;
}

function para(depth: number): string {
  let s = '';
  const n = int(5);
  for (let i = 0; i < n; i++) s += depth > 0 ? `<w:r><w:t>${pick(TEXTS)}</w:t></w:r>` : run();
  return `<w:p${rnd() < 0.2 ? ' w:rsidR="00AB12"' : ''}>${pPr()}${s}</w:p>`;
}

function table(depth: number): string {
  let s = '<w:tbl><w:tblPr><w:tblW w:w="0"/></w:tblPr><w:tblGrid><w:gridCol/></w:tblGrid>';
  const rows = 1 + int(3);
  for (let r = 0; r < rows; r++) {
    s += '<w:tr><w:trPr/>';
    const cells = 1 + int(3);
    for (let c = 0; c < cells; c++) {
      s += '<w:tc><w:tcPr><w:tcW w:w="1"/></w:tcPr>';
      const ps = 1 + int(2);
      for (let p = 0; p < ps; p++) s += depth < 1 && rnd() < 0.15 ? table(depth + 1) : para(0);
      s += '</w:tc>';
    }
    s += '</w:tr>';
  }
  return `${s}</w:tbl>`;
}

const NUMBERING = `<?xml version="1.0"?><w:numbering ${W}>
<w:abstractNum w:abstractNumId="0">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
  <w:lvl w:ilvl="3"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%4"/><w:suff w:val="nothing"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="1">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1."/><w:suff w:val="space"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
</w:numbering>`;
const STYLES = `<?xml version="1.0"?><w:styles ${W}>
<w:style w:type="paragraph" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Heading1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListNum"><w:name w:val="List"/><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Bold"><w:name w:val="B"/><w:basedOn w:val="Bold"/><w:rPr><w:b w:val="1"/></w:rPr></w:style>
<w:style w:type="character" w:styleId="Char"><w:name w:val="c"/></w:style>
</w:styles>`;
const CORE = `<?xml version="1.0"?><cp:coreProperties xmlns:cp="x" xmlns:dc="y" xmlns:dcterms="z"><dc:title>某县2024年法治政府建设&amp;年度报告</dc:title><dcterms:created>2025-02-03T08:00:00Z</dcterms:created></cp:coreProperties>`;

function generated(): Uint8Array {
  let body = '';
  const n = 1 + int(25);
  for (let i = 0; i < n; i++) body += rnd() < 0.12 ? table(0) : para(0);
  let xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<w:document ${W} xmlns:mc="m"><w:body>${body}<w:sectPr><w:pgSz w:w="11906"/></w:sectPr></w:body></w:document>`;
  const r = rnd();
  if (r < 0.08) xml = xml.slice(0, int(xml.length)); // cut off
  let doc = strToU8(xml);
  if (r >= 0.08 && r < 0.11) doc = new Uint8Array([0xef, 0xbb, 0xbf, ...doc]);
  if (r >= 0.11 && r < 0.13) {
    const s = `\ufeff${xml.replace('UTF-8', 'UTF-16')}`;
    doc = new Uint8Array(s.length * 2);
    for (let i = 0; i < s.length; i++) {
      doc[2 * i] = s.charCodeAt(i) & 0xff;
      doc[2 * i + 1] = s.charCodeAt(i) >> 8;
    }
  }
  const files: Record<string, Uint8Array> = { 'word/document.xml': doc };
  if (rnd() < 0.7) files['word/numbering.xml'] = strToU8(NUMBERING);
  if (rnd() < 0.7) files['word/styles.xml'] = strToU8(STYLES);
  if (rnd() < 0.5) files['docProps/core.xml'] = strToU8(CORE);
  return zipSync(files);
}

async function main(): Promise<void> {
  const [srcdir, out] = process.argv.slice(2);
  if (!srcdir || !out) throw new Error('usage: docxSnapshot.ts <src folder> <out.json>');
  const { importSource } = (await import(path.resolve(srcdir, 'core/index.ts'))) as typeof import('../src/core/index.ts');
  const result: Record<string, unknown> = {};
  const real: string[] = [];
  const shared = path.join(ROOT, '../shared/corpus');
  for (const dir of [path.join(shared, 'gwr-provincial/2025-docx'), path.join(shared, 'other-reports'), path.join(ROOT, 'test/fixtures/docx')]) {
    if (existsSync(dir)) for (const f of readdirSync(dir).sort()) if (f.endsWith('.docx')) real.push(path.join(dir, f));
  }
  for (const f of real) {
    const bytes = new Uint8Array(readFileSync(f));
    const key = path.relative(ROOT, f);
    result[key] = importSource(path.basename(f), bytes);
    // Damaged copies: a few flipped bytes.
    for (let k = 0; k < 3; k++) {
      const b = bytes.slice();
      for (let j = 0; j < 4; j++) b[int(b.length)] = int(256);
      try {
        result[`${key}#flip${k}`] = importSource(path.basename(f), b);
      } catch (e) {
        result[`${key}#flip${k}`] = `THROWS ${(e as Error).message}`;
      }
    }
  }
  for (let i = 0; i < 1500; i++) {
    const b = generated();
    try {
      result[`gen${i}`] = importSource(`gen${i}.docx`, b);
    } catch (e) {
      result[`gen${i}`] = `THROWS ${(e as Error).message}`;
    }
  }
  writeFileSync(out, JSON.stringify(result, null, 1));
  console.log(`${Object.keys(result).length} imports, ${real.length} real files`);
}

void main();
