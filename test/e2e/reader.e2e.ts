/**
 * The report reader in a real VS Code (code-server 1.139 in Chromium): the Reports view, read-only
 * report documents, the Outline, Problems, a saved GBK page and a hostile page.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Editor, makeWorkspace, openEditor, removeWorkspace } from './harness.ts';
import {
  activeTabLabel,
  clickReportRow,
  openReportsView,
  outlineRows,
  pickFileInDialog,
  problems,
  recordTiming,
  seriesMembers,
  treeRows,
  viewText,
  waitForViewText,
} from './workbench.ts';

const NANHAI = '佛山市南海区人民政府';
const TITLE_2017 = '佛山市南海区人民政府2017年度法治政府建设工作报告';
const CHAPTERS_2017 = [
  '一、区委区政府高度重视,统筹推进法治政府建设工作',
  '二、深化“放管服”改革,依法全面履行政府职能成效显著',
  '三、完善依法行政制度体系,推进行政决策科学化、民主化、法治化',
  '四、规范自由裁量权坚持严格规范公正文明执法',
  '五、强化对行政权力的制约和监督,打造阳光政府',
  '六、多渠道防范和化解社会矛盾纠纷,维护社会和谐稳定',
  '七、加强法治能力建设,提高政府工作人员法治思维和能力',
];

let editor: Editor;
let workspace: string;
const startedAt = Date.now();

before(async () => {
  workspace = makeWorkspace(['nanhai-2017-page.gbk.html', 'hostile-page.html']);
  editor = await openEditor({ workspace });
});

after(async () => {
  await editor?.close();
  if (workspace) removeWorkspace(workspace);
});

test('1. the Annals view lists the three Nanhai reports under one series', () =>
  editor.scenario('reader-1-view', async () => {
    await openReportsView(editor.page);
    const rows = await treeRows(editor.page, (r) => r.level === 1 && r.label.includes(NANHAI));
    assert.equal(rows.length, 1, 'one Nanhai series');
    assert.equal(rows[0].description, '2016–2018', 'the year range');
    const members = await seriesMembers(editor.page, NANHAI);
    assert.deepEqual(
      members.map((r) => r.label),
      ['2018', '2017', '2016'],
    );
    // The saved 2017 page in the workspace is the same report as the feed's 2017: one row, its copy counted.
    assert.match(members[1].description, /1 copy/);
    await editor.screenshot('reports-view', true);
  }));

test('2. clicking 2017 opens the report with its title line and chapter headings', () =>
  editor.scenario('reader-2-open', async () => {
    const clicked = Date.now();
    await clickReportRow(editor.page, NANHAI, '2017');
    await waitForViewText(editor.page, TITLE_2017);
    recordTiming('click in the Reports view → 2017 report visible', Date.now() - clicked);
    recordTiming('harness start → 2017 report visible (cold: server, browser, activation, scan)', Date.now() - startedAt);
    assert.match(await activeTabLabel(editor.page), /2017/);
    const text = await viewText(editor.page);
    assert.equal(text[0], TITLE_2017);
    assert.ok(text.includes('2017年法治政府建设工作情况'), 'the part heading is shown');
    assert.ok(text.includes(CHAPTERS_2017[0]), 'chapter 一 is shown');
    await editor.screenshot('report-document', true);
  }));

test('3. the report document is read-only', () =>
  editor.scenario('reader-3-readonly', async () => {
    const page = editor.page;
    const before = await viewText(page);
    await page
      .locator('.monaco-editor .view-lines')
      .first()
      .click({ position: { x: 40, y: 10 } });
    await page.keyboard.type('XYZ typed');
    await page.keyboard.press('Enter');
    const message = page.locator('.monaco-editor-overlaymessage');
    await message.waitFor({ state: 'visible', timeout: 10_000 });
    assert.match(await message.innerText(), /read-only/i);
    const after = await viewText(page);
    // The rendered lines can shift as CodeLens lines come in; the text itself must not change.
    assert.deepEqual(after.slice(0, 4), before.slice(0, 4), 'typing changed nothing');
    assert.ok(!after.join('\n').includes('XYZ'));
  }));

test('4. the Outline shows the seven chapters of the 工作情况 part', () =>
  editor.scenario('reader-4-outline', async () => {
    const rows = await outlineRows(editor.page);
    const part = rows.findIndex((r) => r.label === '2017年法治政府建设工作情况');
    assert.ok(part >= 0, `the review part is in the Outline: ${rows.map((r) => r.label).join(' | ')}`);
    const plan = rows.findIndex((r) => r.label === '2018年工作计划');
    assert.ok(plan > part, 'the plan part follows');
    const reviewChapters = rows.slice(part + 1, plan).filter((r) => r.level === rows[part].level + 1);
    assert.deepEqual(
      reviewChapters.map((r) => r.label),
      CHAPTERS_2017,
    );
    await editor.screenshot('outline', true);
  }));

test('5. the Problems panel lists the repaired headings', () =>
  editor.scenario('reader-5-problems', async () => {
    const items = await problems(editor.page);
    const text = items.join('\n');
    assert.match(text, /Section \(一\) has no marker/);
    assert.match(text, /Chapter heading lost its numeral; read as “二、”/);
    assert.match(text, /Chapter heading lost its numeral; read as “四、”/);
    assert.match(text, /title cut to “开展自由裁量权细化量化工作”/);
    await editor.screenshot('problems', true);
    await editor.page.keyboard.press('Control+J'); // Close the panel again.
  }));

test('6. Open Report Source… on a saved GBK page shows correct Chinese text', () =>
  editor.scenario('reader-6-gbk', async () => {
    await editor.command('Annals: Open Report Source');
    await pickFileInDialog(editor.page, 'nanhai-2017-page.gbk.html');
    await waitForViewText(editor.page, TITLE_2017);
    const text = (await viewText(editor.page)).join('\n');
    assert.ok(text.includes(CHAPTERS_2017[0]), 'chapter 一 decoded');
    assert.ok(!text.includes('\uFFFD'), 'no replacement characters');
  }));

test('7. a page with <script> payloads shows none of them as text', () =>
  editor.scenario('reader-7-hostile', async () => {
    await editor.command('Annals: Open Report Source');
    await pickFileInDialog(editor.page, 'hostile-page.html');
    await waitForViewText(editor.page, '某市人民政府2020年度法治政府建设工作报告');
    const text = (await viewText(editor.page)).join('\n');
    assert.ok(text.includes('（一）落实第一责任人职责。全年召开专题会议12次。'));
    const payloads = [
      'SCRIPT-IN-HEAD',
      'STYLE-TEXT',
      'SCRIPT-IN-BODY',
      'NOSCRIPT-TEXT',
      'ONERROR-PAYLOAD',
      'JS-LINK',
      'SVG-SCRIPT',
      'IFRAME',
      'HIDDEN-TEXT',
      'TEMPLATE-TEXT',
    ];
    for (const payload of payloads) assert.ok(!text.includes(payload), `“${payload}” must not show:\n${text}`);
    // Text that merely looks like markup is report text, and shows as such.
    assert.ok(text.includes('<script>alert("ESCAPED-TEXT")</script> 是一段文字，不是脚本。'));
    assert.equal(await editor.page.title().then((t) => t.includes('SCRIPT-IN')), false, 'no script ran in the workbench');
  }));
