/**
 * The edges of the structure package, with exact expectations: the heading markers (一、 （一） 第一章
 * 1、) and their repairs with the diagnostics that explain them, the numbering put in sequence (nested
 * lists, misprints, missing chapters and sections), parts, unnumbered chapters, tables and appendices,
 * the report's metadata (title, issuer, year, type), its document text, paragraph ids and outline JSON.
 * (Written for mutation testing: each row is one that a realistic slip in src/core/structure would change.)
 */
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport, flattenOutline, importSource, type OutlineNode, outlineJson, outlineTree, type Report, type SourceImport } from '../../src/core/index.ts';
import { findIssuer } from '../../src/core/structure/index.ts';

/** A body paragraph: long, several commas, one sentence. */
const B = '推进依法行政工作取得明显成效，各项制度进一步健全完善，全年共审查规范性文件三十件，办理复议案件五十件。';

function rep(blocks: string[], title: string | null = null, file: string | null = 't.txt', more: { link?: string; date?: string } = {}): Report {
  return buildReport({ title, link: more.link ?? null, date: more.date ?? null, blocks, diagnostics: [] }, file);
}

/** The outline, one line a node: kind, number, label, «title», * when inferred, lines, offsets. */
function tree(r: Report): string[] {
  const out: string[] = [];
  const walk = (n: OutlineNode, depth: number) => {
    const kind = `${n.kind}${n.partKind ? `:${n.partKind}` : ''}`;
    out.push(`${'  '.repeat(depth)}${kind} ${n.number} ${n.label} «${n.title}»${n.inferred ? ' *' : ''} ${n.line}-${n.endLine} [${n.start},${n.end})`);
    for (const c of n.children) walk(c, depth + 1);
  };
  for (const n of r.outline) walk(n, 0);
  return out;
}

/** The diagnostics: severity, code, arguments, line (the file-name title's note left out). */
const diags = (r: Report) =>
  r.diagnostics.filter((d) => d.code !== 'titleFromFileName').map((d) => `${d.severity} ${d.code} ${(d.args ?? []).join('|')} @${d.line}`);

/** The paragraphs' roles, one letter each (body, chapter, section, part, closing, trailing). */
const roles = (r: Report) => r.paragraphs.map((p) => p.role[0]).join('');

/** What block `at` became: its role, and its outline node (kind number label «title» * length of the heading). */
function blockAs(blocks: string[], at: number): string {
  const r = rep(blocks);
  const nodes: string[] = [];
  const walk = (n: OutlineNode) => {
    if (n.paragraph === at)
      nodes.push(`${n.kind}${n.partKind ? `:${n.partKind}` : ''} ${n.number} ${n.label} «${n.title}»${n.inferred ? ' *' : ''} ${n.end - n.start}`);
    n.children.forEach(walk);
  };
  r.outline.forEach(walk);
  return [r.paragraphs[at].role, ...nodes, ...diags(r)].join(' ; ');
}

test('chapter markers: the separators, spaces, 第…章/部分/篇, Arabic numerals as a misprint, and what is a list item', () => {
  const cases: [string, string][] = [
    ['二、主要做法', 'chapter ; chapter 2 二、 «主要做法» 6'],
    ['二，主要做法', 'chapter ; chapter 2 二， «主要做法» 6'],
    ['二,主要做法', 'chapter ; chapter 2 二, «主要做法» 6'],
    ['二．主要做法', 'chapter ; chapter 2 二． «主要做法» 6'],
    ['二.主要做法', 'chapter ; chapter 2 二. «主要做法» 6'],
    ['二 、 主要做法', 'chapter ; chapter 2 二 、 «主要做法» 8'],
    ['二十、主要做法', 'chapter ; chapter 20 二十、 «主要做法» 7 ; warning chaptersMissing 二十|一 @7'],
    ['二十一、主要做法', 'body'],
    ['第二章', 'chapter ; chapter 2 第二章 «推进依法行政工作取得明显成效» 3'],
    ['第 二 章 发展', 'chapter ; chapter 2 第 二 章 «发展» 8'],
    ['第二部分 发展', 'chapter ; chapter 2 第二部分 «发展» 7'],
    ['第二篇、发展', 'chapter ; chapter 2 第二篇、 «发展» 6'],
    ['第二，发展经济', 'body'],
    ['第二、发展', 'body'],
    ['第二：发展', 'body'],
    ['2、强化监督', 'chapter ; chapter 2 2、 «强化监督» * 6 ; info digitChapter 2、|二 @7'],
    ['2，强化监督', 'chapter ; chapter 2 2， «强化监督» * 6 ; info digitChapter 2，|二 @7'],
    ['2．强化监督', 'chapter ; chapter 2 2． «强化监督» * 6 ; info digitChapter 2．|二 @7'],
    ['２、强化监督', 'chapter ; chapter 2 ２、 «强化监督» * 6 ; info digitChapter ２、|二 @7'],
    ['2.强化监督', 'body'],
    ['12、强化监督', 'body'],
    ['3、强化监督', 'body'],
  ];
  for (const [line, want] of cases) assert.equal(blockAs(['一、总体情况', B, line, B], 2), want, line);
});

test('repaired markers: a numeral with no 、, a heading that lost its numeral, a section with no opening or a broken one', () => {
  const cases: [string, string][] = [
    ['二加强组织领导', 'chapter ; chapter 2 二 «加强组织领导» * 7 ; info noCommaChapter 二|二 @7'],
    ['二“放管服”改革', 'chapter ; chapter 2 二 «“放管服”改革» * 8 ; info noCommaChapter 二|二 @7'],
    ['二是加强组织领导', 'body'],
    ['二方面加强组织领导', 'body'],
    ['二加强组织领导。', 'body'],
    ['二加强组织领导，提高效率。', 'body'],
    ['二加强组织领导，提高效率', 'chapter ; chapter 2 二 «加强组织领导，提高效率» * 12 ; info noCommaChapter 二|二 @7'],
    [`二${'某'.repeat(51)}`, 'body'],
    ['三加强组织领导', 'body'],
    ['一加强组织领导', 'body'],
    ['、紧抓住改革', 'chapter ; chapter 2 null «紧抓住改革» * 6 ; info noNumeralChapter 二 @7'],
    ['，紧抓住改革', 'chapter ; chapter 2 null «紧抓住改革» * 6 ; info noNumeralChapter 二 @7'],
    ['、 紧抓住改革', 'chapter ; chapter 2 null «紧抓住改革» * 7 ; info noNumeralChapter 二 @7'],
    ['、“放管服”改革', 'chapter ; chapter 2 null «“放管服”改革» * 8 ; info noNumeralChapter 二 @7'],
    ['、1改革', 'body'],
    ['（一）加强组织', 'section ; section 1 （一） «加强组织» 7'],
    ['(一)加强组织', 'section ; section 1 (一) «加强组织» 7'],
    ['（ 一 ）加强组织', 'section ; section 1 （ 一 ） «加强组织» 9'],
    ['(一）加强组织', 'section ; section 1 (一） «加强组织» 7'],
    ['一）加强组织', 'section ; section 1 一） «加强组织» * 6 ; info noOpenSection 一）|一 @7'],
    ['一)加强组织', 'section ; section 1 一) «加强组织» * 6 ; info noOpenSection 一)|一 @7'],
    ['）编制清单', 'section ; section 1 null «编制清单» * 5 ; info brokenSection ）|一 @7'],
    [')编制清单', 'section ; section 1 null «编制清单» * 5 ; info brokenSection )|一 @7'],
    ['）《条例》实施', 'section ; section 1 null «《条例》实施» * 7 ; info brokenSection ）|一 @7'],
    ['）“放管服”', 'section ; section 1 null «“放管服”» * 6 ; info brokenSection ）|一 @7'],
    ['）1编制', 'body'],
  ];
  for (const [line, want] of cases) assert.equal(blockAs(['一、总体情况', B, line, B], 2), want, line);
});

test('part headings: review and plan words, a year, the length limits, a closing colon; a sentence is no part', () => {
  const cases: [string, string][] = [
    ['工作情况', 'part ; part:review null null «工作情况» 4'],
    ['2018年工作情况', 'part ; part:review null null «2018年工作情况» 9'],
    // With no title line, the part names the type and the year: the title is composed from them.
    ['2018年度法治政府建设工作总结', 'part ; part:review null null «2018年度法治政府建设工作总结» 16 ; info titleComposed 2018年法治政府建设工作报告 @null'],
    ['工作回顾', 'part ; part:review null null «工作回顾» 4'],
    ['工作总结', 'part ; part:review null null «工作总结» 4'],
    ['工作开展情况', 'part ; part:review null null «工作开展情况» 6'],
    ['工作完成情况', 'part ; part:review null null «工作完成情况» 6'],
    ['主要工作：', 'part ; part:review null null «主要工作» 5'],
    ['主要工作:', 'part ; part:review null null «主要工作» 5'],
    ['某某某某某某某某某某某某主要工作', 'part ; part:review null null «某某某某某某某某某某某某主要工作» 16'],
    ['某某某某某某某某某某某某某主要工作', 'body'],
    [`2018年${'某'.repeat(30)}工作情况`, `part ; part:review null null «2018年${'某'.repeat(30)}工作情况» 39`],
    [`2018年${'某'.repeat(31)}工作情况`, 'body'],
    ['工作计划', 'part ; part:plan null null «工作计划» 4'],
    ['2019年工作计划', 'part ; part:plan null null «2019年工作计划» 9'],
    ['下一步工作安排：', 'part ; part:plan null null «下一步工作安排» 8'],
    ['重点工作', 'part ; part:plan null null «重点工作» 4'],
    ['工作打算', 'part ; part:plan null null «工作打算» 4'],
    ['工作思路', 'part ; part:plan null null «工作思路» 4'],
    ['工作设想', 'part ; part:plan null null «工作设想» 4'],
    ['主要任务', 'part ; part:plan null null «主要任务» 4'],
    ['工作情况和工作计划', 'part ; part:plan null null «工作情况和工作计划» 9'],
    ['2019年，工作计划', 'body'],
    ['工作情况。', 'body'],
  ];
  for (const [line, want] of cases) assert.equal(blockAs([B, line, '一、甲项', B], 1), want, line);
});

interface Case {
  name: string;
  blocks: string[];
  title?: string;
  roles: string;
  tree: string[];
  diags: string[];
}

/** Whole bodies: the numbering put in sequence, its repairs and their diagnostics, parts, tables, the tail. */
const SEQUENCES: Case[] = [
  {
    name: 'chapters and sections: the tree, its lines and offsets',
    blocks: ['一、总体情况', B, '二、主要做法', B, '（一）加强组织领导', B, '（二）完善制度', B],
    roles: 'cbcbsbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-17 [78,84)',
      '  section 1 （一） «加强组织领导» 11-13 [139,148)',
      '  section 2 （二） «完善制度» 15-17 [203,210)',
    ],
    diags: [],
  },
  {
    name: 'a nested list restarts at 一 inside a chapter; its 三、 is not the chapter while a genuine 三、 comes later',
    blocks: ['一、总体情况', B, '二、主要做法', B, '一、小项', B, '二、小项', B, '三、小项', B, '三、下一步', B],
    // Items standing alone, each over its paragraph, right under the chapter: its sections (a list of sentences stays text).
    roles: 'cbcbsbsbsbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-21 [78,84)',
      '  section 1 一、 «小项» 11-13 [139,143)',
      '  section 2 二、 «小项» 15-17 [198,202)',
      '  section 3 三、 «小项» 19-21 [257,261)',
      'chapter 3 三、 «下一步» 23-25 [316,321)',
    ],
    diags: ['info nestedChapterSections 二、主要做法 @11'],
  },
  {
    name: 'a nested list that reaches the next number in the chapter heading’s form, with no later 三、, ends at the chapter',
    blocks: ['一、总体情况', B, '二、主要做法', B, '一、小项', B, '二、小项', B, '三、下一步', B],
    roles: 'cbcbsbsbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-17 [78,84)',
      '  section 1 一、 «小项» 11-13 [139,143)',
      '  section 2 二、 «小项» 15-17 [198,202)',
      'chapter 3 三、 «下一步» 19-21 [257,262)',
    ],
    diags: ['info nestedChapterSections 二、主要做法 @11'],
  },
  {
    name: 'a nested item in another form (a sentence) than the chapter headings is no chapter: one of the chapter’s sections here',
    blocks: ['一、总体情况', B, '二、主要做法', B, '一、小项', B, '二、小项', B, '三、下一步工作。', B],
    roles: 'cbcbsbsbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-21 [78,84)',
      '  section 1 一、 «小项» 11-13 [139,143)',
      '  section 2 二、 «小项» 15-17 [198,202)',
      '  section 3 三、 «下一步工作» 19-21 [257,265)',
    ],
    diags: ['info nestedChapterSections 二、主要做法 @11'],
  },
  {
    name: 'a number already passed is out of sequence',
    blocks: ['一、总体情况', B, '二、主要做法', B, '三、第三', B, '二、回头', B],
    roles: 'cbcbcbbb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 2 二、 «主要做法» 7-9 [78,84)', 'chapter 3 三、 «第三» 11-17 [139,143)'],
    diags: ['warning outOfSequence 二、|四 @15'],
  },
  {
    name: 'chapters missing between 一 and 四',
    blocks: ['一、总体情况', B, '四、主要做法', B],
    roles: 'cbcb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 4 四、 «主要做法» 7-9 [78,84)'],
    diags: ['warning chaptersMissing 四|一 @7'],
  },
  {
    name: 'sections: a skip is warned, (二) with no (一) makes the first paragraph section 一',
    blocks: ['一、总体情况', B, '（一）甲', B, '（三）丙', B, '二、乙', B, '（二）乙', B, '（三）丙', B],
    roles: 'cbsbsbcssbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-13 [17,23)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 3 （三） «丙» 11-13 [137,141)',
      'chapter 2 二、 «乙» 15-25 [196,199)',
      '  section 1 null «推进依法行政工作取得明显成效» * 17-17 [201,215)',
      '  section 2 （二） «乙» 19-21 [254,258)',
      '  section 3 （三） «丙» 23-25 [313,317)',
    ],
    diags: ['warning sectionSkips 三|一 @11', 'info headingCut 推进依法行政工作取得明显成效 @17', 'info unmarkedSection  @17'],
  },
  {
    name: 'a first section that skips',
    blocks: ['一、总体情况', '（三）丙', B],
    roles: 'csb',
    tree: ['chapter 1 一、 «总体情况» 3-7 [17,23)', '  section 3 （三） «丙» 5-7 [25,29)'],
    diags: ['warning firstSectionSkips 三 @5'],
  },
  {
    name: '(二) with no (一) in a chapter whose heading runs into its body: no unmarked section',
    blocks: ['一、加强组织领导。' + B, B, '（二）乙', B],
    roles: 'cbsb',
    tree: ['chapter 1 一、 «加强组织领导» 3-9 [17,26)', '  section 2 （二） «乙» 7-9 [132,136)'],
    diags: ['warning firstSectionSkips 二 @7'],
  },
  {
    name: '(二) right after its chapter heading: no paragraph to be section 一',
    blocks: ['一、总体情况', '（二）乙', B],
    roles: 'csb',
    tree: ['chapter 1 一、 «总体情况» 3-7 [17,23)', '  section 2 （二） «乙» 5-7 [25,29)'],
    diags: ['warning firstSectionSkips 二 @5'],
  },
  {
    name: 'a (一) list nested in a section',
    blocks: ['一、总体情况', B, '（一）甲', B, '（二）乙', B, '（一）小甲', B, '（二）小乙', B, '（三）丙', B],
    roles: 'cbsbsbbbbbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-25 [17,23)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 2 （二） «乙» 11-21 [137,141)',
      '  section 3 （三） «丙» 23-25 [316,320)',
    ],
    diags: [],
  },
  {
    name: 'a (一) list nested in a section continues past the next number when a genuine one comes later',
    blocks: ['一、总体情况', B, '（一）甲', B, '（二）乙', B, '（一）小甲', B, '（二）小乙', B, '（三）小丙', B, '（三）丙', B],
    roles: 'cbsbsbbbbbbbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-29 [17,23)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 2 （二） «乙» 11-25 [137,141)',
      '  section 3 （三） «丙» 27-29 [376,380)',
    ],
    diags: [],
  },
  {
    name: 'after a heading-like line (存在问题及下一步打算) a restart at (一) is a new run of sections',
    blocks: ['一、总体情况', B, '（一）甲', B, '（二）乙', B, '存在问题及下一步打算', '（一）小甲', B, '（二）小乙', B],
    roles: 'cbsbsbbsbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-23 [17,23)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 2 （二） «乙» 11-15 [137,141)',
      '  section 1 （一） «小甲» 17-19 [208,213)',
      '  section 2 （二） «小乙» 21-23 [268,273)',
    ],
    diags: [],
  },
  {
    name: 'a section with no marker after the last one-paragraph section',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbssscb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-9 [132,142)',
      '  section 3 null «切实做好依法行政考评工作» * 11-11 [186,199)',
      'chapter 2 二、 «下一步» 13-15 [242,247)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'no restored section: the paragraph has no verb of action',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '依法行政考评工作良好。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [240,245)',
    ],
    diags: [],
  },
  {
    name: 'no restored section: a short closing line',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好考评工作。确保实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [202,207)',
    ],
    diags: [],
  },
  {
    name: 'no restored section: two paragraphs after the last section',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      B,
      '二、下一步',
      B,
    ],
    roles: 'cbssbbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-13 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-13 [132,142)',
      'chapter 2 二、 «下一步» 15-17 [295,300)',
    ],
    diags: [],
  },
  {
    name: 'no restored section: a comma in the first sentence',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好考评，依法行政工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [243,248)',
    ],
    diags: [],
  },
  {
    name: 'no restored section: only one section',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbsbcb',
    tree: ['chapter 1 一、 «总体情况» 3-9 [17,23)', '  section 1 （一） «加强组织领导» 7-9 [78,88)', 'chapter 2 二、 «下一步» 11-13 [188,193)'],
    diags: [],
  },
  {
    name: 'no restored section: the sections are not one paragraph each',
    blocks: [
      '一、总体情况',
      B,
      '（一）甲',
      B,
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '二、下一步',
      B,
    ],
    roles: 'cbsbsbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-13 [17,23)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 2 （二） «加强组织领导» 11-13 [137,147)',
      'chapter 2 二、 «下一步» 15-17 [247,252)',
    ],
    diags: [],
  },
  {
    name: 'a missing chapter: the short line standing alone',
    blocks: ['一、总体情况', B, '深化放管服改革', B, '三、下一步', B],
    roles: 'cbcbcb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 2 null «深化放管服改革» * 7-9 [78,85)', 'chapter 3 三、 «下一步» 11-13 [140,145)'],
    diags: ['info unmarkedChapter 二 @7'],
  },
  {
    name: 'a missing chapter with no line to take: only the warning',
    blocks: ['一、总体情况', B, B, '三、下一步', B],
    roles: 'cbbcb',
    tree: ['chapter 1 一、 «总体情况» 3-7 [17,23)', 'chapter 3 三、 «下一步» 9-11 [131,136)'],
    diags: ['warning chaptersMissing 三|一 @9'],
  },
  {
    name: 'a missing chapter: not a label next to another (a table’s header cells as lines), nor one next to a table row',
    blocks: ['一、总体情况', B, '行政复议行政诉讼', '未经复议直接起诉', B, '维持纠正结果审结', '维持\t纠正\t总计', B, '三、下一步', B],
    roles: 'cbbbbbbbcb',
    tree: ['chapter 1 一、 «总体情况» 3-17 [17,23)', 'chapter 3 三、 «下一步» 19-21 [224,229)'],
    diags: ['warning chaptersMissing 三|一 @19'],
  },
  {
    name: 'a missing chapter in a report whose headings run into their body: the paragraph after the chapter',
    blocks: ['一、加强组织领导。' + B, '深化放管服改革，优化营商环境。' + B, B, '三、下一步。' + B],
    roles: 'ccbc',
    tree: ['chapter 1 一、 «加强组织领导» 3-3 [17,26)', 'chapter 2 null «深化放管服改革，优化营商环境» * 5-7 [79,94)', 'chapter 3 三、 «下一步» 9-9 [200,206)'],
    diags: ['info unmarkedChapter 二 @5'],
  },
  {
    name: 'not the paragraph after: its first clause holds figures',
    blocks: ['一、加强组织领导。' + B, '全年召开会议12次，优化营商环境。' + B, B, '三、下一步。' + B],
    roles: 'cbbc',
    tree: ['chapter 1 一、 «加强组织领导» 3-7 [17,26)', 'chapter 3 三、 «下一步» 9-9 [202,208)'],
    diags: ['warning chaptersMissing 三|一 @9'],
  },
  {
    name: 'a heading cut at its first comma, and marked',
    blocks: ['一、加强组织领导提高行政效率，' + B, B],
    roles: 'cb',
    tree: ['chapter 1 一、 «加强组织领导提高行政效率» * 3-5 [17,31)'],
    diags: ['info headingCut 加强组织领导提高行政效率 @3'],
  },
  {
    name: 'a marker alone on its line takes its title from the next paragraph',
    blocks: ['第一章', '总则部分的内容。' + B, '第二章', '（一）甲', B],
    roles: 'cbcsb',
    tree: ['chapter 1 第一章 «总则部分的内容» 3-5 [17,20)', 'chapter 2 第二章 «» 7-11 [83,86)', '  section 1 （一） «甲» 9-11 [88,92)'],
    diags: [],
  },
  {
    name: 'parts: the numbering starts again in each',
    blocks: ['2018年法治政府建设工作情况', '一、甲项工作', B, '二、乙项工作', B, '2019年工作计划', '一、丙项工作', B, '二、丁项工作', B],
    title: '某区人民政府2018年度法治政府建设工作报告',
    roles: 'pcbcbpcbcb',
    tree: [
      'part:review null null «2018年法治政府建设工作情况» 3-11 [46,61)',
      '  chapter 1 一、 «甲项工作» 5-7 [63,69)',
      '  chapter 2 二、 «乙项工作» 9-11 [124,130)',
      'part:plan null null «2019年工作计划» 13-21 [185,194)',
      '  chapter 1 一、 «丙项工作» 15-17 [196,202)',
      '  chapter 2 二、 «丁项工作» 19-21 [257,263)',
    ],
    diags: [],
  },
  {
    name: 'a part-like line after chapters outside any part, with no new numbering, is a paragraph',
    blocks: ['一、甲', B, '二、乙', B, '认真抓好重点工作', '三、丙', B],
    roles: 'cbcbbcb',
    tree: ['chapter 1 一、 «甲» 3-5 [17,20)', 'chapter 2 二、 «乙» 7-11 [75,78)', 'chapter 3 三、 «丙» 13-15 [143,146)'],
    diags: [],
  },
  {
    name: 'a part-like line after chapters that restarts the numbering is a part',
    blocks: ['一、甲', B, '二、乙', B, '下一步工作计划', '一、丙', B],
    roles: 'cbcbpcb',
    tree: [
      'chapter 1 一、 «甲» 3-5 [17,20)',
      'chapter 2 二、 «乙» 7-9 [75,78)',
      'part:plan null null «下一步工作计划» 11-15 [133,140)',
      '  chapter 1 一、 «丙» 13-15 [142,145)',
    ],
    diags: [],
  },
  {
    name: 'a part heading that names its year is a part after chapters',
    blocks: ['一、甲', B, '二、乙', B, '2019年工作计划', '三、丙', B],
    roles: 'cbcbpcb',
    tree: [
      'chapter 1 一、 «甲» 3-5 [20,23)',
      'chapter 2 二、 «乙» 7-9 [78,81)',
      'part:plan null null «2019年工作计划» 11-15 [136,145)',
      '  chapter 3 三、 «丙» 13-15 [147,150)',
    ],
    diags: ['warning chaptersMissing 三|0 @13'],
  },
  {
    name: 'unnumbered chapters: the report’s chapter pattern, two at least',
    blocks: [B, '2024年工作回顾', B, '2025年工作安排', B, '加强政府自身建设', B],
    roles: 'bcbcbcb',
    tree: [
      'chapter null null «2024年工作回顾» * 5-7 [70,79)',
      'chapter null null «2025年工作安排» * 9-11 [134,143)',
      'chapter null null «加强政府自身建设» * 13-15 [198,206)',
    ],
    diags: ['info unnumberedChapter 2024年工作回顾 @5', 'info unnumberedChapter 2025年工作安排 @9', 'info unnumberedChapter 加强政府自身建设 @13'],
  },
  {
    name: 'a single line of the pattern is no chapter structure',
    blocks: [B, '2024年工作回顾', B, B],
    roles: 'bpbb',
    tree: ['part:review null null «2024年工作回顾» 5-9 [73,82)'],
    diags: [],
  },
  {
    name: 'unnumbered chapters that echo the opening, over sections',
    blocks: ['本报告分为三个部分：依法行政成效显著；存在问题不容忽视；下一步的打算。', '（一）甲', B, '依法行政成效显著', B, '存在问题不容忽视', B],
    roles: 'bsbcbcb',
    tree: [
      'section 1 （一） «甲» 5-7 [54,58)',
      'chapter null null «依法行政成效显著» * 9-11 [113,121)',
      'chapter null null «存在问题不容忽视» * 13-15 [176,184)',
    ],
    diags: ['info unnumberedChapter 依法行政成效显著 @9', 'info unnumberedChapter 存在问题不容忽视 @13'],
  },
  {
    name: 'lines shorter than six characters do not echo',
    blocks: ['本报告：成效显著；问题突出。', '（一）甲', B, '成效显著', B, '问题突出', B],
    roles: 'bsbbbbb',
    tree: ['section 1 （一） «甲» 5-15 [33,37)'],
    diags: [],
  },
  {
    name: 'a line that is not in the opening does not echo',
    blocks: ['本报告分为三个部分：依法行政成效显著；存在问题不容忽视；下一步的打算。', '（一）甲', B, '依法行政成效斐然', B, '存在问题不容小觑', B],
    roles: 'bsbbbbb',
    tree: ['section 1 （一） «甲» 5-15 [54,58)'],
    diags: [],
  },
  {
    name: 'part headings in a report with no chapter markers are its chapters',
    blocks: [B, '今年工作总结', '（一）甲', B, '（二）乙', B, '明年工作打算', '（一）丙', B],
    roles: 'bcsbsbcsb',
    tree: [
      'chapter null null «今年工作总结» * 5-13 [70,76)',
      '  section 1 （一） «甲» 7-9 [78,82)',
      '  section 2 （二） «乙» 11-13 [137,141)',
      'chapter null null «明年工作打算» * 15-19 [196,202)',
      '  section 1 （一） «丙» 17-19 [204,208)',
    ],
    diags: ['info unnumberedChapter 今年工作总结 @5', 'info unnumberedChapter 明年工作打算 @15'],
  },
  {
    name: 'a part heading with a colon introduces a list unless it names its year',
    blocks: [B, '认真抓好11方面重点工作：', '（一）甲', B, '2019年工作计划：', '（一）乙', B, '2020年工作安排：', B],
    roles: 'bpsbcsbcb',
    tree: [
      'part:plan null null «认真抓好11方面重点工作» 5-19 [70,83)',
      '  section 1 （一） «甲» 7-9 [85,89)',
      '  chapter null null «2019年工作计划» * 11-15 [144,154)',
      '    section 1 （一） «乙» 13-15 [156,160)',
      '  chapter null null «2020年工作安排» * 17-19 [215,225)',
    ],
    diags: ['info unnumberedChapter 2019年工作计划 @11', 'info unnumberedChapter 2020年工作安排 @17'],
  },
  {
    name: 'chapter markers (no-comma repairs count) stop unnumbered chapters',
    blocks: [B, '2024年工作回顾', B, '2025年工作安排', B, '二加强政府自身建设', B],
    roles: 'bpbpbbb',
    tree: ['part:review null null «2024年工作回顾» 5-7 [73,82)', 'part:plan null null «2025年工作安排» 9-15 [137,146)'],
    diags: [],
  },
  {
    name: 'the appendix at the end is a part of its own',
    blocks: ['一、总体情况', B, '二、主要做法', B, B, '附件：', '一、名词', '二、名词'],
    roles: 'cbcbbpbb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 2 二、 «主要做法» 7-11 [78,84)', 'part:appendix null null «附件» * 13-17 [192,195)'],
    diags: ['info appendix 附件 @13'],
  },
  {
    name: 'later appendices are parts of their own (附件2); a glossary head that titles the one above it is its body',
    blocks: ['一、总体情况', B, '二、主要做法', B, B, B, '附件1', '一、名词', '附件2', '名词解释', '1.术语', '注释', '[1]说明'],
    roles: 'cbcbbbpbpbbpb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-13 [78,84)',
      'part:appendix null null «附件1» * 15-17 [245,248)',
      'part:appendix null null «附件2» * 19-23 [256,259)',
      'part:appendix null null «注释» * 25-27 [273,275)',
    ],
    diags: ['info appendix 附件1 @15', 'info appendix 附件2 @19', 'info appendix 注释 @25'],
  },
  {
    name: 'an appendix head in the first half is not one',
    blocks: ['一、总体情况', '附件', B, '二、主要做法', B, B, B, B],
    roles: 'cbbcbbbb',
    tree: ['chapter 1 一、 «总体情况» 3-7 [17,23)', 'chapter 2 二、 «主要做法» 9-17 [82,88)'],
    diags: [],
  },
  {
    // The metadata line shows the closing date as the published date (2019-03-01 for —: 9 more characters) and the
    // signature as the issuer (某某区人民政府 for —: 6 more).
    name: 'closing lines: the issuer and the date',
    blocks: ['一、总体情况', B, '二、主要做法', B, '某某区人民政府', '2019年3月1日'],
    roles: 'cbcbcc',
    tree: ['chapter 1 一、 «总体情况» 3-5 [35,41)', 'chapter 2 二、 «主要做法» 7-9 [96,102)'],
    diags: [],
  },
  {
    name: 'trailing page links and junk',
    blocks: ['一、总体情况', B, '二、主要做法', B, '【打印本页】【关闭窗口】', '12', '分享到：微信'],
    roles: 'cbcbttt',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 2 二、 «主要做法» 7-9 [78,84)'],
    diags: ['info trailing 3 @11'],
  },
  {
    name: 'tiny trailing junk',
    blocks: ['一、总体情况', B, '二、主要做法', B, '12', '、', 'true'],
    roles: 'cbcbttt',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,23)', 'chapter 2 二、 «主要做法» 7-9 [78,84)'],
    diags: ['info trailing 3 @11'],
  },
  {
    name: 'no markers: one part of the full text',
    blocks: [B, B],
    roles: 'bb',
    tree: ['part:other null null «全文» * 3-5 [17,68)'],
    diags: ['warning noMarkers  @null'],
  },
  {
    name: 'a digit repair (2、) does not stop unnumbered chapters',
    blocks: [B, '2024年工作回顾', B, '2025年工作安排', B, '2、加强政府自身建设', B],
    roles: 'bcbcbbb',
    tree: ['chapter null null «2024年工作回顾» * 5-7 [70,79)', 'chapter null null «2025年工作安排» * 9-15 [134,143)'],
    diags: ['info unnumberedChapter 2024年工作回顾 @5', 'info unnumberedChapter 2025年工作安排 @9'],
  },
  {
    name: 'an echo inside the opening is not counted',
    blocks: ['本报告分为：依法行政成效显著；存在问题不容忽视。', '依法行政成效显著', '（一）甲', B, '存在问题不容忽视', B],
    roles: 'bbsbbb',
    tree: ['section 1 （一） «甲» 7-13 [53,57)'],
    diags: [],
  },
  {
    name: 'table rows: 一、 with figures, cells joined by tabs, and (三) between rows are no headings',
    blocks: [
      B,
      '一、总体情况',
      B,
      '一、本年新收申请数量 21 0 0 0',
      '（三）不予公开',
      '二、办结数量 3 4 5',
      '（三）甲',
      B,
      B,
      '二、乙\t3',
      B,
      '二、主要做法',
      B,
    ],
    roles: 'bcbbbbsbbbbcb',
    tree: ['chapter 1 一、 «总体情况» 5-23 [70,76)', '  section 3 （三） «甲» 15-23 [175,179)', 'chapter 2 二、 «主要做法» 25-27 [347,353)'],
    diags: ['warning firstSectionSkips 三 @15'],
  },
  {
    name: 'Arabic 2、 is a list in a report that numbers no chapter in Chinese',
    blocks: [B, '、甲项工作', B, '2、乙项工作', B],
    roles: 'bcbbb',
    tree: ['chapter 1 null «甲项工作» * 5-11 [70,75)'],
    diags: ['info noNumeralChapter 一 @5'],
  },
  {
    name: 'a digit chapter is a list when the genuine 二、 comes later',
    blocks: ['一、总体', B, '2、乙', B, '二、主要做法', B],
    roles: 'cbbbcb',
    tree: ['chapter 1 一、 «总体» 3-9 [17,21)', 'chapter 2 二、 «主要做法» 11-13 [134,140)'],
    diags: [],
  },
  {
    name: 'a genuine 二、 after the next part does not count',
    blocks: ['工作情况', '一、总体', B, '2、乙', B, '工作计划', '一、甲', B, '二、乙', B],
    roles: 'pcbcbpcbcb',
    tree: [
      'part:review null null «工作情况» 3-11 [17,21)',
      '  chapter 1 一、 «总体» 5-7 [23,27)',
      '  chapter 2 2、 «乙» * 9-11 [82,85)',
      'part:plan null null «工作计划» 13-21 [140,144)',
      '  chapter 1 一、 «甲» 15-17 [146,149)',
      '  chapter 2 二、 «乙» 19-21 [204,207)',
    ],
    diags: ['info digitChapter 2、|二 @9'],
  },
  {
    name: 'a genuine 二、 before does not count',
    blocks: ['工作情况', '一、甲', B, '二、乙', B, '工作计划', '一、丙', B, '2、丁', B],
    roles: 'pcbcbpcbcb',
    tree: [
      'part:review null null «工作情况» 3-11 [17,21)',
      '  chapter 1 一、 «甲» 5-7 [23,26)',
      '  chapter 2 二、 «乙» 9-11 [81,84)',
      'part:plan null null «工作计划» 13-21 [139,143)',
      '  chapter 1 一、 «丙» 15-17 [145,148)',
      '  chapter 2 2、 «丁» * 19-21 [203,206)',
    ],
    diags: ['info digitChapter 2、|二 @19'],
  },
  {
    name: 'Arabic numbers in a row are a list: 2、 after 1、',
    blocks: ['一、总体', B, '1、甲', B, '2、乙', B],
    roles: 'cbbbbb',
    tree: ['chapter 1 一、 «总体» 3-13 [17,21)'],
    diags: [],
  },
  {
    name: 'a no-comma chapter is a paragraph when the genuine 二、 comes later',
    blocks: ['一、总体', B, '二加强组织领导', B, '二、主要做法', B],
    roles: 'cbbbcb',
    tree: ['chapter 1 一、 «总体» 3-9 [17,21)', 'chapter 2 二、 «主要做法» 11-13 [138,144)'],
    diags: [],
  },
  {
    name: 'a lost numeral is a paragraph when the genuine 二、 comes later',
    blocks: ['一、总体', B, '、加强组织领导', B, '二、主要做法', B],
    roles: 'cbbbcb',
    tree: ['chapter 1 一、 «总体» 3-9 [17,21)', 'chapter 2 二、 «主要做法» 11-13 [138,144)'],
    diags: [],
  },
  {
    name: 'a no-comma sentence is a chapter when the chapter headings before end a sentence too',
    blocks: ['一、总体情况。', B, '二加强组织领导。', B],
    roles: 'cbcb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,24)', 'chapter 2 二 «加强组织领导» * 7-9 [79,87)'],
    diags: ['info noCommaChapter 二|二 @7'],
  },
  {
    name: 'a nested item that runs into its body, among standalone chapter headings, is no chapter: one of the chapter’s sections here',
    blocks: ['一、总体情况', B, '二、主要做法', B, '一、小项', B, '二、小项', B, '三、下一步。' + B, B],
    roles: 'cbcbsbsbsb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二、 «主要做法» 7-21 [78,84)',
      '  section 1 一、 «小项» 11-13 [139,143)',
      '  section 2 二、 «小项» 15-17 [198,202)',
      '  section 3 三、 «下一步» 19-21 [257,263)',
    ],
    diags: ['info nestedChapterSections 二、主要做法 @11'],
  },
  {
    name: 'a restart at 一 after chapter 一 opens a nested list',
    blocks: ['一、总体情况', B, '一、重复', B],
    roles: 'cbbb',
    tree: ['chapter 1 一、 «总体情况» 3-9 [17,23)'],
    diags: [],
  },
  {
    name: 'a missing chapter inside a nested list is not repaired',
    blocks: ['一、总体情况', B, '一、小项', B, '深化放管服改革', B, '三、下一步', B],
    roles: 'cbbbbbcb',
    tree: ['chapter 1 一、 «总体情况» 3-13 [17,23)', 'chapter 3 三、 «下一步» 15-17 [199,204)'],
    diags: ['warning chaptersMissing 三|一 @15'],
  },
  {
    name: 'a standalone line over 30 characters is no missing chapter',
    blocks: ['一、总体情况', B, '深化放管服改革深化放管服改革深化放管服改革深化放管服改革深化放', B, '三、下一步', B],
    roles: 'cbbbcb',
    tree: ['chapter 1 一、 «总体情况» 3-9 [17,23)', 'chapter 3 三、 «下一步» 11-13 [164,169)'],
    diags: ['warning chaptersMissing 三|一 @11'],
  },
  {
    name: 'a standalone line of 30 characters is',
    blocks: ['一、总体情况', B, '深化放管服改革深化放管服改革深化放管服改革深化放管服改革深化', B, '三、下一步', B],
    roles: 'cbcbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 null «深化放管服改革深化放管服改革深化放管服改革深化放管服改革深化» * 7-9 [78,108)',
      'chapter 3 三、 «下一步» 11-13 [163,168)',
    ],
    diags: ['info unmarkedChapter 二 @7'],
  },
  {
    name: 'not the paragraph after an inline chapter with sections',
    blocks: ['一、加强组织领导。' + B, '（一）甲。' + B, '深化放管服改革，优化营商环境。' + B, '三、下一步。' + B],
    roles: 'csbc',
    tree: ['chapter 1 一、 «加强组织领导» 3-7 [17,26)', '  section 1 （一） «甲» 5-7 [79,84)', 'chapter 3 三、 «下一步» 9-9 [205,211)'],
    diags: ['warning chaptersMissing 三|一 @9'],
  },
  {
    name: 'not the paragraph after: its first clause is over 25 characters',
    blocks: ['一、加强组织领导。' + B, '深化放管服改革深化放管服改革深化放管服改革深化放管服，优化营商环境。' + B, B, '三、下一步。' + B],
    roles: 'cbbc',
    tree: ['chapter 1 一、 «加强组织领导» 3-7 [17,26)', 'chapter 3 三、 «下一步» 9-9 [219,225)'],
    diags: ['warning chaptersMissing 三|一 @9'],
  },
  {
    name: 'the paragraph after: a first clause of 25 characters',
    blocks: ['一、加强组织领导。' + B, '深化放管服改革深化放管服改革深化放管服改革深化放管，优化营商环境。' + B, B, '三、下一步。' + B],
    roles: 'ccbc',
    tree: [
      'chapter 1 一、 «加强组织领导» 3-3 [17,26)',
      'chapter 2 null «深化放管服改革深化放管服改革深化放管服改革深化放管，优化营商环境» * 5-7 [79,112)',
      'chapter 3 三、 «下一步» 9-9 [218,224)',
    ],
    diags: ['info unmarkedChapter 二 @5'],
  },
  {
    name: 'a repaired section restart (一）) in a chapter with sections is a section',
    blocks: ['一、总体', B, '（一）甲', B, '（二）乙', B, '一）丙', B],
    roles: 'cbsbsbsb',
    tree: [
      'chapter 1 一、 «总体» 3-17 [17,21)',
      '  section 1 （一） «甲» 7-9 [76,80)',
      '  section 2 （二） «乙» 11-13 [135,139)',
      '  section 1 一） «丙» * 15-17 [194,197)',
    ],
    diags: ['info noOpenSection 一）|一 @15'],
  },
  {
    name: 'a section with no chapter: at the top, no unmarked section',
    blocks: [B, '（二）乙', B],
    roles: 'bsb',
    tree: ['section 2 （二） «乙» 5-7 [70,74)'],
    diags: ['warning firstSectionSkips 二 @5'],
  },
  {
    name: 'sections under a part with no chapter',
    blocks: ['工作情况', B, '（一）甲', B, '（二）乙', B],
    roles: 'pbsbsb',
    tree: ['part:review null null «工作情况» 3-13 [17,21)', '  section 1 （一） «甲» 7-9 [76,80)', '  section 2 （二） «乙» 11-13 [135,139)'],
    diags: [],
  },
  {
    name: 'a marker on the last line has no title',
    blocks: ['一、甲', B, '第二章'],
    roles: 'cbc',
    tree: ['chapter 1 一、 «甲» 3-5 [17,20)', 'chapter 2 第二章 «» 7-7 [75,78)'],
    diags: [],
  },
  {
    name: 'a chapter marker alone before a paragraph of figures (the page lost its title) takes no title from it',
    blocks: ['一、甲', B, '二、', '全年粮食作物播种面积125.9万公顷，比上年增加1.87万公顷，增长1.5%。' + B],
    roles: 'cbcb',
    tree: ['chapter 1 一、 «甲» 3-5 [17,20)', 'chapter 2 二、 «» 7-9 [75,77)'],
    diags: [],
  },
  {
    name: 'a section marker alone takes the next paragraph’s first sentence',
    blocks: ['一、甲', B, '（一）', '加强组织领导。' + B],
    roles: 'cbsb',
    tree: ['chapter 1 一、 «甲» 3-9 [17,20)', '  section 1 （一） «加强组织领导» 7-9 [75,78)'],
    diags: [],
  },
  {
    name: 'a list nested in a nested list: the deepest level that expects the number takes it',
    blocks: ['一、总体', B, '二、做法', B, '一、甲', B, '二、乙', B, '一、子', B, '二、丑', B, '三、寅', B, '三、卯', B, '三、下一步', B],
    roles: 'cbcbsbsbbbbbbbsbcb',
    tree: [
      'chapter 1 一、 «总体» 3-5 [17,21)',
      'chapter 2 二、 «做法» 7-33 [76,80)',
      '  section 1 一、 «甲» 11-13 [135,138)',
      '  section 2 二、 «乙» 15-29 [193,196)',
      '  section 3 三、 «卯» 31-33 [425,428)',
      'chapter 3 三、 «下一步» 35-37 [483,488)',
    ],
    diags: ['info nestedChapterSections 二、做法 @11'],
  },
  {
    name: 'a restored section: a first sentence of 4 characters',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
      '二、下一步',
      B,
    ],
    roles: 'cbssscb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-9 [132,142)',
      '  section 3 null «切实做好» * 11-11 [186,191)',
      'chapter 2 二、 «下一步» 13-15 [223,228)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'no restored section: a first sentence of 3 characters',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [222,227)',
    ],
    diags: [],
  },
  {
    name: 'a restored section: a first sentence of 20 characters',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作切实做好依法行政。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
      '二、下一步',
      B,
    ],
    roles: 'cbssscb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-9 [132,142)',
      '  section 3 null «切实做好依法行政考评工作切实做好依法行政» * 11-11 [186,207)',
      'chapter 2 二、 «下一步» 13-15 [239,244)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'no restored section: a first sentence of 21 characters',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作切实做好依法行政工。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [240,245)',
    ],
    diags: [],
  },
  {
    name: 'a restored section: 30 characters after the first sentence',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好考评工作。按照上级部署认真开展年度考评对照指标逐项梳理查找不足确保实效',
      '二、下一步',
      B,
    ],
    roles: 'cbssscb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-9 [132,142)',
      '  section 3 null «切实做好考评工作» * 11-11 [186,195)',
      'chapter 2 二、 «下一步» 13-15 [227,232)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'no restored section: 29 characters after the first sentence',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好考评工作。按照上级部署认真开展年度考评对照指标逐项梳理查找不足确保实',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-11 [132,142)',
      'chapter 2 二、 «下一步» 13-15 [226,231)',
    ],
    diags: [],
  },
  {
    name: 'no restored section: the last section is a heading alone',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）乙',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
      '二、下一步',
      B,
    ],
    roles: 'cbssbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «乙» 9-11 [132,136)',
      'chapter 2 二、 «下一步» 13-15 [183,188)',
    ],
    diags: [],
  },
  {
    name: 'a restored section at the end of the report',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足。',
    ],
    roles: 'cbsss',
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [17,23)',
      '  section 1 （一） «加强组织领导» 7-7 [78,88)',
      '  section 2 （二） «加强组织领导» 9-9 [132,142)',
      '  section 3 null «切实做好依法行政考评工作» * 11-11 [186,199)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'a heading of 50 characters with no 、 stands alone',
    blocks: ['一、总体情况', B, '二某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某', B],
    roles: 'cbcb',
    tree: [
      'chapter 1 一、 «总体情况» 3-5 [17,23)',
      'chapter 2 二 «某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某» * 7-9 [78,129)',
    ],
    diags: ['info noCommaChapter 二|二 @7'],
  },
  {
    name: 'a heading that holds a ； runs into its body: the title ends there',
    blocks: ['一、总体情况；二、做法', B],
    roles: 'cb',
    tree: ['chapter 1 一、 «总体情况» 3-5 [17,24)'],
    diags: [],
  },
  {
    name: 'half-width parentheses are joined back too',
    blocks: ['空气质量(PM', '2.5', ')浓度下降。', '（一）甲'],
    roles: 'bs',
    tree: ['section 1 （一） «甲» 5-5 [35,39)'],
    diags: [],
  },
  {
    name: 'a restored section before the closing lines',
    blocks: [
      '一、总体情况',
      B,
      '（一）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '（二）加强组织领导。全年召开专题会议研究部署法治政府建设工作，压实各级各部门主体责任，推动工作落实见效。',
      '切实做好依法行政考评工作。按照上级部署，认真开展年度考评，对照指标逐项梳理，查找不足，确保考评工作取得实效。',
      '某某区人民政府',
      '2019年3月1日',
    ],
    roles: 'cbssscc',
    // Offsets 15 further on than with no date: the metadata line shows the closing date, 2019-03-01, and the
    // signature as the issuer, 某某区人民政府.
    tree: [
      'chapter 1 一、 «总体情况» 3-11 [35,41)',
      '  section 1 （一） «加强组织领导» 7-7 [96,106)',
      '  section 2 （二） «加强组织领导» 9-9 [150,160)',
      '  section 3 null «切实做好依法行政考评工作» * 11-11 [204,217)',
    ],
    diags: ['info unmarkedSectionLater 三 @11'],
  },
  {
    name: 'two parts in a row: the first ends on its own line',
    blocks: [B, '工作情况', '工作计划', '一、甲', B],
    roles: 'bppcb',
    tree: ['part:review null null «工作情况» 5-5 [70,74)', 'part:plan null null «工作计划» 7-11 [76,80)', '  chapter 1 一、 «甲» 9-11 [82,85)'],
    diags: [],
  },
];

test('the numbering in sequence: nested lists, misprints, missing chapters and sections, parts, unnumbered chapters, tables, the tail', () => {
  for (const c of SEQUENCES) {
    const r = rep(c.blocks, c.title ?? null);
    assert.deepEqual({ roles: roles(r), tree: tree(r), diags: diags(r) }, { roles: c.roles, tree: c.tree, diags: c.diags }, c.name);
  }
});

test('the report’s chapter pattern for unnumbered chapters: a year or period and what it is, or the government’s own chapter', () => {
  // Each line with 2024年的主要成就 after it: two lines of the pattern are chapters (c), one alone is not.
  const cases: [string, string][] = [
    ['2024年的主要成就', 'bcbcb'],
    ['今后五年的目标', 'bcbcb'],
    ['过去五年的成就', 'bcbcb'],
    ['过去六年的成就', 'bbbbb'],
    ['今后六年的目标', 'bbbbb'],
    ['“十五五”时期的目标', 'bcbcb'],
    ['十四五时期的举措', 'bcbcb'],
    ['"十四五"时期的举措', 'bcbcb'],
    ['十五时期的举措', 'bbbbb'],
    ['关于2025年的考虑', 'bcbcb'],
    ['对2025年的部署', 'bcbcb'],
    ['2025 年 的要求', 'bcbcb'],
    ['今年的考虑', 'bcbcb'],
    ['明年的打算', 'bcbcb'],
    ['去年的成就', 'bcbcb'],
    ['一年来的成就', 'bcbcb'],
    ['1899年的成就', 'bbbbb'],
    ['2024年的主要成就，', 'bbbbb'],
    ['2024年的主要成就与', 'bbbbb'],
    ['2024年某某某某某某某某某某某某某某某某某某某某某某某成就', 'bcbcb'],
    ['2024年某某某某某某某某某某某某某某某某某某某某某某某某成就', 'bbbbb'],
    ['努力建设人民满意政府', 'bcbcb'],
    ['政府职能转变', 'bcbcb'],
    ['加快转变政府职能', 'bcbcb'],
    ['深化政府治理改革', 'bcbcb'],
    ['政府效能显著提升', 'bcbcb'],
    ['全面提升政府效能', 'bcbcb'],
    ['建成人民满意的服务型政府', 'bcbcb'],
    ['改进政府作风建设', 'bcbcb'],
    ['某某某某某某某某某某政府建设', 'bcbcb'],
    ['某某某某某某某某某某某政府建设', 'bbbbb'],
    ['加强某某某某某某某某某某某某政府', 'bcbcb'],
    ['加强某某某某某某某某某某某某某政府', 'bbbbb'],
    ['政府某某某某某某某某某某水平', 'bcbcb'],
    ['政府某某某某某某某某某某某水平', 'bbbbb'],
    ['政府建设某某某某某某某某', 'bcbcb'],
    ['政府建设某某某某某某某某某', 'bbbbb'],
    ['政府工作', 'bbbbb'],
    ['人民政府', 'bbbbb'],
    ['建设', 'bbbbb'],
    ['推进法治政府', 'bcbcb'],
  ];
  for (const [line, want] of cases) assert.equal(roles(rep([B, line, B, '2024年的主要成就', B])), want, line);
});

test('findIssuer: the organisation or place that opens a title, never across a year, never 法治政府 or 我区', () => {
  const cases: [string, string | null][] = [
    ['佛山市南海区人民政府2018年度法治政府建设工作报告', '佛山市南海区人民政府'],
    ['某县人民政府关于2018年度法治政府建设情况的报告', '某县人民政府'],
    ['南海区2018年法治政府建设年度报告', '南海区'],
    ['2018年南海区法治政府建设年度报告', '南海区'],
    ['关于2018年法治政府建设的报告', null],
    ['四川省政府工作报告', '四川省政府'],
    ['四川省政府信息公开工作年度报告', '四川省政府'],
    ['中华人民共和国国务院政府工作报告', '国务院'],
    ['国务院2019年政府工作报告', '国务院'],
    ['周口市国民经济和社会发展统计公报', '周口市'],
    ['周口市统计公报', '周口市'],
    ['某市司法局2019年工作总结', '某市司法局'],
    ['某市格局2019年工作总结', null],
    ['我区2018年法治政府建设报告', null],
    ['全市2018年法治政府建设报告', null],
    ['法治政府建设年度报告', null],
    ['某市卫生健康局关于2019年工作的报告', '某市卫生健康局'],
    ['某市大厅2019年工作总结', null],
    ['某市人民政府办公室2019年政务公开工作要点', '某市人民政府办公室'],
    ['某县 人民政府 2018年度报告', '某县人民政府'],
    ['２０１８年某县人民政府工作报告', '某县人民政府'],
    ['某县依法行政工作报告', '某县'],
    ['黔东南州2016年国民经济和社会发展统计公报', '黔东南州'],
    ['某某工作委员会2019年工作报告', null],
    ['南海区年度报告', '南海区'],
    ['北京2019年政府工作报告', null],
    ['某县政府2019年工作总结', '某县政府'],
    ['某区委员会2019年总结', '某区委员会'],
    ['', null],
  ];
  for (const [title, want] of cases) assert.equal(findIssuer(title), want, title);
  assert.equal(findIssuer(null), null);
});

test('metadata: the title line after chrome or over two lines, the issuer from title, session, speaker, address, 来源, publisher or mentions, the year by type, the file name last', () => {
  // [name, blocks, reader's title, file name, [title, issuer, year, type, where each came from (title issuer year type), issuer variants, diagnostics]]
  const cases: [string, string[], string | null, string | null, [string, string | null, number | null, string | null, string, string[], string[]]][] = [
    [
      'title line after chrome',
      ['首页 > 政务公开', '某县人民政府2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], ['leadingChrome 1']],
    ],
    [
      'issuer line before type line',
      ['黔东南苗族侗族自治州', '2016年国民经济和社会发展统计公报', B, '一、综合', B],
      null,
      't.txt',
      ['黔东南苗族侗族自治州2016年国民经济和社会发展统计公报', '黔东南苗族侗族自治州', 2016, '国民经济和社会发展统计公报', 'text text text text', [], []],
    ],
    [
      'broken title',
      ['某县人民政府关于2018年度', '法治政府建设情况的报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府关于2018年度法治政府建设情况的报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'head line before',
      ['某县人民政府关于2018年度', '法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府关于2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'item title not a title',
      ['某县人民政府2018年度法治政府建设工作报告', '一、总体情况', B],
      '下载 打印',
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], ['leadingChrome 1']],
    ],
    [
      'item title is issuer',
      ['2018年度法治政府建设工作报告', '一、总体情况', B],
      '某县人民政府',
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'gwr national',
      [
        '各位代表：',
        '现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协各位委员提出意见。',
        '一、2018年工作回顾',
        B,
        '二、2019年经济社会发展总体要求和政策取向',
        B,
      ],
      null,
      'gwr-national-2019.txt',
      ['2019年国务院政府工作报告', '国务院', 2019, '政府工作报告', 'text text text text', ['国务院'], ['titleComposed 2019年国务院政府工作报告']],
    ],
    [
      'gwr session',
      [
        '——2025年1月14日在四川省第十四届人民代表大会第三次会议上',
        '四川省省长 施小琳',
        '各位代表：',
        '现在，我代表省人民政府向大会报告工作，请予审议。',
        '一、2024年工作回顾',
        B,
      ],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', 2025, '政府工作报告', 'text text text text', ['省人民政府'], []],
    ],
    [
      'gwr speaker no place',
      ['省长 施小琳', '各位代表：', '现在，我代表省人民政府向大会报告工作，请予审议。', '一、工作回顾', B],
      '四川省政府工作报告',
      'x.docx',
      ['四川省政府工作报告', '四川省人民政府', null, '政府工作报告', 'text text none text', ['四川省政府', '省人民政府'], []],
    ],
    [
      'gwr speaker place',
      ['四川省人民政府代省长 施小琳', '各位代表：', '一、2024年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '四川省人民政府', 2025, '政府工作报告', 'text text text text', ['四川省人民政府'], []],
    ],
    [
      'gwr premier',
      ['国务院总理 李强', '各位代表：', '一、2024年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '国务院', 2025, '政府工作报告', 'text text text text', ['国务院'], []],
    ],
    [
      'gwr national session',
      ['——2024年3月5日在第十四届全国人民代表大会第二次会议上', '各位代表：', '一、2023年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '国务院', 2024, '政府工作报告', 'text text text text', ['国务院'], []],
    ],
    [
      'gwr plan heading',
      ['各位代表：', '现在，我代表市人民政府向大会报告工作。', '一、工作回顾', B, '二、2020年工作安排', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2020, '政府工作报告', 'text text text text', ['某市政府', '市人民政府'], []],
    ],
    [
      'gwr past year',
      ['各位代表：', '刚刚过去的2019年，我们砥砺奋进。', '一、工作回顾', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2020, '政府工作报告', 'text text text text', ['某市政府'], []],
    ],
    [
      'source line',
      ['来源：某县人民政府', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'publisher line',
      ['某市统计局 某市调查队', '一、综合', B],
      '2019年国民经济和社会发展统计公报',
      't.txt',
      ['2019年国民经济和社会发展统计公报', '某市统计局', 2019, '国民经济和社会发展统计公报', 'text text text text', ['某市统计局'], []],
    ],
    [
      'most named',
      ['各位代表：', '某某市人民政府坚持依法行政。某某市人民政府加强建设。', '一、工作回顾', B],
      '政府工作报告',
      'a.txt',
      ['政府工作报告', '某某市人民政府', null, '政府工作报告', 'text text none text', ['某某市人民政府'], ['issuerFromMentions 某某市人民政府']],
    ],
    [
      'most named: 国务院 over a city',
      ['各位代表：', '国务院部署。国务院要求。某某市人民政府落实。', '一、工作回顾', B],
      '政府工作报告',
      'a.txt',
      ['政府工作报告', '国务院', null, '政府工作报告', 'text text none text', ['国务院'], ['issuerFromMentions 国务院']],
    ],
    [
      'a budget report addressing a congress is no work report',
      ['各位代表：', '受市人民政府委托，现将2019年预算执行情况报告如下。', '一、工作回顾', B],
      null,
      'a.txt',
      ['a', null, null, null, 'fileName none none none', [], ['titleFromFileName a']],
    ],
    [
      'address with no title',
      ['各位代表：', '现在，我代表市人民政府向大会报告工作。', '一、工作回顾', B],
      null,
      'a.txt',
      ['a', null, null, '政府工作报告', 'fileName none none text', [], ['titleFromFileName a']],
    ],
    [
      'no address: no type',
      ['各位代表：', '现在向大会报告工作。', '一、工作回顾', B],
      null,
      'a.txt',
      ['a', null, null, null, 'fileName none none none', [], ['titleFromFileName a']],
    ],
    [
      'type keeps no place of the issuer',
      ['深圳市统计局 深圳市妇女儿童工作委员会', '一、综合', B],
      '深圳市社会性别统计报告',
      't.txt',
      ['深圳市社会性别统计报告', '深圳市统计局', null, '社会性别统计报告', 'text text none text', ['深圳市统计局'], []],
    ],
    [
      'a Windows path, the year at the start',
      ['一、总体情况', B],
      null,
      'C:\\docs\\2019某县报告.docx',
      [
        '2019某县报告',
        null,
        2019,
        '某县报告',
        'fileName none fileName fileName',
        [],
        ['titleFromFileName 2019某县报告', 'typeFromFileName 某县报告', 'yearFromFileName 2019'],
      ],
    ],
    [
      'a date line in the closing, early in the year',
      ['一、甲', B, '某某区人民政府', '2018年2月1日'],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'gwr: the session date wins over the headings',
      ['2025年1月14日在某市第十七届人民代表大会第五次会议上', '各位代表：', '一、2023年工作回顾', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', ['某市政府'], []],
    ],
    [
      'gwr: a 对…的建议 plan heading',
      ['各位代表：', '一、工作回顾', B, '二、对2018年政府工作的建议', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2018, '政府工作报告', 'text text text text', ['某市政府'], []],
    ],
    [
      'fallback filename year',
      ['一、总体情况', B],
      null,
      'dir/某县2019年报告.txt',
      [
        '某县2019年报告',
        '某县',
        2019,
        '某县报告',
        'fileName fileName fileName fileName',
        [],
        ['titleFromFileName 某县2019年报告', 'typeFromFileName 某县报告', 'issuerFromFileName 某县', 'yearFromFileName 2019'],
      ],
    ],
    [
      'filename type',
      ['一、总体情况', B],
      null,
      '某县法治政府建设工作报告.txt',
      [
        '某县法治政府建设工作报告',
        '某县人民政府',
        null,
        '法治政府建设工作报告',
        'fileName fileName none fileName',
        [],
        ['titleFromFileName 某县法治政府建设工作报告', 'typeFromFileName 法治政府建设工作报告', 'issuerFromFileName 某县人民政府'],
      ],
    ],
    [
      'composed',
      ['各位代表：', '现在，我代表国务院，向大会报告政府工作。', '一、2012年工作回顾', B],
      null,
      'gwr-2013.txt',
      ['2013年国务院政府工作报告', '国务院', 2013, '政府工作报告', 'text text text text', ['国务院'], ['titleComposed 2013年国务院政府工作报告']],
    ],
    ['no file', ['一、总体情况', B], null, null, ['Untitled report', null, null, null, 'none none none none', [], []]],
    [
      'widen',
      ['本报告由淮安市洪泽区人民政府发布。', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      ['洪泽区人民政府2018年法治政府建设工作报告', '淮安市洪泽区人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['洪泽区人民政府'], []],
    ],
    [
      'year review part',
      ['2018年法治政府建设工作情况', '一、甲', B, '2019年工作计划', '一、乙', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year plan part only',
      ['2019年工作计划', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year plan no title',
      ['某县人民政府2019年工作计划', '一、甲', B],
      null,
      't.txt',
      ['t', null, 2019, null, 'fileName none text none', [], ['titleFromFileName t']],
    ],
    [
      'year period',
      ['统计期限自2023年1月1日起至2023年12月31日止。', '一、甲', B],
      '某区政府信息公开工作年度报告',
      't.txt',
      ['某区政府信息公开工作年度报告', '某区人民政府', 2023, '政府信息公开工作年度报告', 'text text text text', ['某区政府'], []],
    ],
    [
      'year date line',
      ['2017年3月16日', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2016, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year date line oct',
      ['2017年10月16日', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year closing',
      ['一、甲', B, '某某区人民政府', '2017年12月16日'],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2017, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year opening para',
      ['2023年，我区坚持依法行政。', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2023, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year range title',
      ['一、甲', B],
      '某区2016—2018年法治政府建设工作报告',
      't.txt',
      ['某区2016—2018年法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'year 年度 title',
      ['一、甲', B],
      '某区2016年工作2018年度法治政府建设工作报告',
      't.txt',
      ['某区2016年工作2018年度法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
  ];
  for (const [name, blocks, title, file, want] of cases) {
    const r = rep(blocks, title, file);
    const f = r.meta.from;
    const got = [
      r.title,
      r.issuer,
      r.year,
      r.type,
      `${f.title} ${f.issuer} ${f.year} ${f.type}`,
      r.meta.issuerVariants,
      r.diagnostics
        .filter((d) => d.severity === 'info' && !/Chapter|Section|Heading|Trailing material/.test(d.message))
        .map((d) => `${d.code} ${(d.args ?? []).join('|')}`),
    ];
    assert.deepEqual(got, want, name);
  }
  // A year inside a longer number is no year (120190), and the file name gives the year only when asked.
  assert.equal(rep(['一、总体情况', B], null, 'C:\\docs\\某县120190报告.txt').year, null);
  assert.equal(buildReport({ title: null, link: null, date: null, blocks: ['一、总体情况', B], diagnostics: [] }, '某县2019年报告.txt', {}).year, null);
  assert.equal(buildReport({ title: null, link: null, date: null, blocks: ['一、总体情况', B], diagnostics: [] }, '某县2019年报告.txt').year, 2019);
});

/** Each paragraph: id, index, role, text, line, start, end. */
const paras = (r: Report) => r.paragraphs.map((p) => [p.id, p.index, p.role, p.text, p.line, p.start, p.end]);

test('the document text, paragraph ids from content (a repeat gets .1), lines and offsets; the report id from title and year', () => {
  const r = rep(['一、总体情况', B, B, '一、总体情况']);
  assert.equal(r.text, `t\n— · — · — · —\n\n一、总体情况\n\n${B}\n\n${B}\n\n一、总体情况\n`);
  assert.deepEqual(paras(r), [
    ['pbbfe7c5e', 0, 'chapter', '一、总体情况', 3, 17, 23],
    ['p13882a47', 1, 'body', B, 5, 25, 76],
    ['p13882a47.1', 2, 'body', B, 7, 78, 129],
    ['pbbfe7c5e.1', 3, 'body', '一、总体情况', 9, 131, 137],
  ]);
  for (const p of r.paragraphs) assert.equal(r.text.slice(p.start, p.end), p.text);
  assert.equal(r.id, 'r5545660d');
});

test('blocks: a paragraph broken around a subscript is joined back, within three short fragments; runs of symbols are one block; control characters are shown', () => {
  const cases: [string[], [string, string][]][] = [
    [
      ['空气质量（PM', '2.5', '）浓度下降。', B],
      [
        ['空气质量（PM2.5）浓度下降。', 'pbd9ced44'],
        [B, 'p13882a47'],
      ],
    ],
    [['空气质量（PM', '2.5', 'x', 'y', '）浓度（', '下', '）降。'], [['空气质量（PM2.5xy）浓度（下）降。', 'p5e0b60ca']]],
    [
      ['空气质量（PM', '2.5', 'x', 'y', 'z', '）浓度下降。'],
      [
        ['空气质量（PM', 'p629c7a95'],
        ['2.5', 'p2b1e137c'],
        ['x', 'pfd0c5087'],
        ['y', 'pfc0c4ef4'],
        ['z', 'pff0c53ad'],
        ['）浓度下降。', 'pdcdd0a69'],
      ],
    ],
    [
      ['空气质量（PM', '二氧化硫和氮氧化物的排放量', '）浓度下降。'],
      [
        ['空气质量（PM', 'p629c7a95'],
        ['二氧化硫和氮氧化物的排放量', 'p7dbf785a'],
        ['）浓度下降。', 'pdcdd0a69'],
      ],
    ],
    [['空气质量（PM', '二氧化硫和氮氧化物的排放', '）浓度下降。'], [['空气质量（PM二氧化硫和氮氧化物的排放）浓度下降。', 'p3d7843d5']]],
    [
      ['甲', '）', '……', '——', '乙'],
      [
        ['甲', 'p3782bcd5'],
        ['）……——', 'p03ba8180'],
        ['乙', 'pdc611e94'],
      ],
    ],
    [
      ['甲\u001b[31m乙', ' ', '  丙  '],
      [
        ['甲␛[31m乙', 'p18c41e99'],
        ['丙', 'p1c618354'],
      ],
    ],
  ];
  const texts: [string[], string[]][] = [
    [
      ['甲', '（', '——', 'PM', '）浓度'],
      ['甲', '（——PM）浓度'],
    ],
    [
      ['甲（PM', '2.5', '）', '……', '浓度'],
      ['甲（PM2.5）……', '浓度'],
    ],
    [['甲（PM', '2.5', '）（', '下', '）降'], ['甲（PM2.5）（下）降']],
    [['甲（PM（', '2.5', '）', '）降'], ['甲（PM（2.5））降']],
    [['甲（PM（', '2.5', '）', '乙', '）降'], ['甲（PM（2.5）乙）降']],
    [
      ['（', '）', '甲'],
      ['（）', '甲'],
    ],
    [
      ['甲', '…', 'é', '—', 'Ж', '—', '1', '—'],
      ['甲', '…', 'é', '—', 'Ж', '—', '1', '—'],
    ],
    [
      ['甲（', '某某某某某某某某某某某某某', '）乙'],
      ['甲（', '某某某某某某某某某某某某某', '）乙'],
    ],
    [['甲（', 'a', 'b', 'c', '）乙'], ['甲（abc）乙']],
    [
      ['甲（', '）乙', '丙（', '）丁'],
      ['甲（）乙', '丙（）丁'],
    ],
    [['甲（', '丙（', '）丁', '）乙'], ['甲（丙（）丁）乙']],
    [
      ['甲（', '1', '2', '3', '4', '）乙', '丙（', '）丁'],
      ['甲（', '1', '2', '3', '4', '）乙', '丙（）丁'],
    ],
    [
      ['甲（', 'a', 'b', 'c', 'd', '）乙'],
      ['甲（', 'a', 'b', 'c', 'd', '）乙'],
    ],
  ];
  for (const [blocks, want] of texts)
    assert.deepEqual(
      rep(blocks).paragraphs.map((p) => p.text),
      want,
      blocks.join('|'),
    );
  for (const [blocks, want] of cases) {
    const r = rep(blocks);
    assert.deepEqual(
      r.paragraphs.map((p) => [p.text, p.id]),
      want,
      blocks.join('|'),
    );
  }
});

test('links are web links only; a date that does not parse is a warning; the id comes from the link when there is one', () => {
  const web = rep(['一、甲', B], '某区法治政府建设工作报告', 't.txt', { link: ' https://x.gov.cn/a.html ', date: '2019-06-18' });
  assert.deepEqual([web.link, web.published, web.id], ['https://x.gov.cn/a.html', '2019-06-18', 'rd0052a4e']);
  assert.equal(web.text.split('\n')[1], '某区人民政府 · — · 2019-06-18 · https://x.gov.cn/a.html');
  const bad = rep(['一、甲', B], '某区法治政府建设工作报告', 't.txt', { link: 'javascript:alert(1)', date: 'not a date' });
  assert.deepEqual([bad.link, bad.published, bad.id], [null, null, 'r96982b96']);
  assert.deepEqual(diags(bad), ['warning invalidDate not a date @1']);
});

test('an empty body: no outline, a warning; the head alone is the text', () => {
  const r = rep([' ', '']);
  assert.equal(r.text, 't\n— · — · — · —\n');
  assert.deepEqual(r.outline, []);
  assert.deepEqual(diags(r), ['warning noMarkers  @null', 'warning emptyReport  @null']);
});

test('outline JSON: the contract’s keys in order, partKind on parts only, diagnostics without code; the tree for people', () => {
  const a = rep(['2018年工作情况', '一、甲', B, '（一）子', B, '2019年工作计划', '一、乙', B], '某区人民政府2018年度法治政府建设工作报告', 'a.txt', {
    link: 'http://x.cn/1',
    date: '2019-01-02',
  });
  const b = rep(['一、总体情况', B, '深化放管服改革', B, '三、下一步', B], null, 'b.txt');
  const imp: SourceImport = {
    source: 'a.txt',
    format: 'text',
    diagnostics: [{ severity: 'warning', message: 'M', line: null, code: 'noMarkers', args: [] }],
    reports: [a, b],
  };
  const node = (
    kind: string,
    number: number | null,
    label: string | null,
    inferred: boolean,
    title: string,
    line: number,
    children: unknown[] = [],
    partKind?: string,
  ) => ({
    kind,
    ...(partKind ? { partKind } : {}),
    number,
    label,
    inferred,
    title,
    line,
    children,
  });
  const want = {
    source: 'a.txt',
    format: 'text',
    diagnostics: [{ severity: 'warning', message: 'M', line: null }],
    reports: [
      {
        id: 'r1d81f330',
        title: '某区人民政府2018年度法治政府建设工作报告',
        issuer: '某区人民政府',
        year: 2018,
        type: '法治政府建设工作报告',
        link: 'http://x.cn/1',
        published: '2019-01-02',
        paragraphs: 8,
        diagnostics: [],
        outline: [
          node(
            'part',
            null,
            null,
            false,
            '2018年工作情况',
            3,
            [node('chapter', 1, '一、', false, '甲', 5, [node('section', 1, '（一）', false, '子', 9)])],
            'review',
          ),
          node('part', null, null, false, '2019年工作计划', 13, [node('chapter', 1, '一、', false, '乙', 15)], 'plan'),
        ],
      },
      {
        id: 'r512bc7db',
        title: 'b',
        issuer: null,
        year: null,
        type: null,
        link: null,
        published: null,
        paragraphs: 6,
        diagnostics: [
          { severity: 'info', message: 'No line of the text names the report (报告, 公报, 工作总结…): the title is the file name “b”.', line: null },
          { severity: 'info', message: 'Chapter 二 has no marker; this paragraph reads as its heading.', line: 7 },
        ],
        outline: [
          node('chapter', 1, '一、', false, '总体情况', 3),
          node('chapter', 2, null, true, '深化放管服改革', 7),
          node('chapter', 3, '三、', false, '下一步', 11),
        ],
      },
    ],
  };
  // Compared as text: the keys' order is part of the contract.
  assert.equal(JSON.stringify(outlineJson(imp)), JSON.stringify(want));
  // A part with no kind is 'other'.
  const other = rep([B, B]);
  assert.equal(
    JSON.stringify(outlineJson({ ...imp, reports: [other] }).reports[0].outline),
    JSON.stringify([node('part', null, null, true, '全文', 3, [], 'other')]),
  );
  assert.equal(
    outlineTree(imp),
    [
      'a.txt (text)',
      '  warning: M',
      '',
      '某区人民政府2018年度法治政府建设工作报告',
      '  id r1d81f330 · issuer 某区人民政府 · year 2018 · type 法治政府建设工作报告 · published 2019-01-02 · 8 paragraphs',
      '  2018年工作情况  (line 4)',
      '    一、甲  (line 6)',
      '      （一）子  (line 10)',
      '  2019年工作计划  (line 14)',
      '    一、乙  (line 16)',
      '',
      'b',
      '  id r512bc7db · issuer — · year — · type — · published — · 6 paragraphs',
      '  一、总体情况  (line 4)',
      '  [2] 深化放管服改革 *  (line 8)',
      '  三、下一步  (line 12)',
      '  info: No line of the text names the report (报告, 公报, 工作总结…): the title is the file name “b”.',
      '  info line 8: Chapter 二 has no marker; this paragraph reads as its heading.',
      '',
    ].join('\n'),
  );
});

test('the tail: licence footers, page links and news footers are trailing; a report sentence that shares is not; nothing long may follow', () => {
  const cases: [string, string][] = [
    ['本作品在全世界都属于公有领域', 'cbcbt'],
    ['来自维基文库的内容', 'cbcbt'],
    ['Public domain work', 'cbcbt'],
    ['public domain', 'cbcbt'],
    ['经验分享到全区各镇街', 'cbcbb'],
    ['【打印本页】', 'cbcbt'],
    ['打印', 'cbcbt'],
    ['关闭窗口', 'cbcbt'],
    ['返回顶部', 'cbcbt'],
    ['收藏', 'cbcbt'],
    ['分享到：微信 微博', 'cbcbt'],
    ['扫一扫在手机打开当前页', 'cbcbt'],
    ['扫一扫在手机上打开当前页', 'cbcbt'],
    ['【字体：大 中 小】 【打印本页】', 'cbcbt'],
    ['[打印] [关闭]', 'cbcbt'],
    ['字号：大 中 小', 'cbcbt'],
    ['字号 大', 'cbcbt'],
    ['相关报道：', 'cbcbt'],
    ['相关阅读', 'cbcbt'],
    ['延伸阅读', 'cbcbt'],
    ['推荐阅读：', 'cbcbt'],
    ['编辑：张三', 'cbcbt'],
    ['责任编辑：李四', 'cbcbt'],
    ['责任编辑：李四李四李四李四李四李四李四', 'cbcbb'],
    ['（来源：青海日报）', 'cbcbt'],
    ['(来源:新华网)', 'cbcbt'],
    ['打印本页打印本页打印本页打印本页打印本页打印本页打印本页打印本页打印本页打印本页打印本页打印本页', 'cbcbb'],
    ['123', 'cbcbt'],
    ['1234', 'cbcbb'],
    ['——', 'cbcbt'],
    ['false', 'cbcbt'],
  ];
  for (const [line, want] of cases) assert.equal(roles(rep(['一、甲', B, '二、乙', B, line])), want, line);
  assert.equal(roles(rep(['一、甲', B, '二、乙', B, '【打印本页】', B + B + B])), 'cbcbbb');
  assert.equal(roles(rep(['一、甲', B, '二、乙', B, '【打印本页】', B])), 'cbcbtt');
  // Junk among the last 60 blocks only; a licence line under 300 characters; nothing of 120 characters after it.
  const short = (n: number) => Array.from({ length: n }, (_, i) => `短句${i}号`);
  assert.equal(roles(rep(['一、甲', B, '【打印本页】', ...short(59)])).slice(0, 5), 'cbttt');
  assert.equal(roles(rep(['一、甲', B, '【打印本页】', ...short(60)])).slice(0, 5), 'cbbbb');
  assert.equal(roles(rep(['一、甲', B, B, `维基文库${'某'.repeat(295)}`])), 'cbbt');
  assert.equal(roles(rep(['一、甲', B, B, `维基文库${'某'.repeat(296)}`])), 'cbbb');
  assert.equal(roles(rep(['一、甲', B, '【打印本页】', '某'.repeat(119)])), 'cbtt');
  assert.equal(roles(rep(['一、甲', B, '【打印本页】', '某'.repeat(120)])), 'cbbb');
});

test('appendix heads: 附件, 附表, 名词解释, notes (注：1.…, [1]…), a glossary title; a 附件 line with text after it is not one', () => {
  const cases: [string, string][] = [
    ['附件', 'cbcbbpb'],
    ['附件1', 'cbcbbpb'],
    ['附表：', 'cbcbbpb'],
    ['附录 二', 'cbcbbpb'],
    ['名词解释', 'cbcbbpb'],
    ['名词注释：', 'cbcbbpb'],
    ['注释', 'cbcbbpb'],
    ['注解', 'cbcbbpb'],
    ['资料来源：', 'cbcbbpb'],
    ['数据来源', 'cbcbbpb'],
    ['《政府工作报告》有关内容名词注释', 'cbcbbpb'],
    ['有关术语解释：', 'cbcbbpb'],
    ['注：1.某某', 'cbcbbpb'],
    ['注释：[1]某某', 'cbcbbpb'],
    ['说明：（1）某某', 'cbcbbpb'],
    ['附注:1、某某', 'cbcbbpb'],
    ['[1]某某指的是', 'cbcbbpb'],
    ['［2］某', 'cbcbbpb'],
    ['注：某某', 'cbcbbbb'],
    ['附件：某某某', 'cbcbbbb'],
    ['附件12', 'cbcbbpb'],
  ];
  for (const [line, want] of cases) assert.equal(roles(rep(['一、甲', B, '二、乙', B, B, line, B])), want, line);
});

test('closing lines: up to three issuer or date lines at the end', () => {
  const cases: [string[], string][] = [
    [['某某区人民政府', '2019年3月1日'], 'cbcbcc'],
    [['2019年3月'], 'cbcbc'],
    [['2019年3月1'], 'cbcbc'],
    [['某某区司法局'], 'cbcbc'],
    [['某某区（县）人民政府'], 'cbcbc'],
    [['某某区人民政府某某区人民政府某某区人民政府某某区人民政府'], 'cbcbc'],
    [['甲', '某某区人民政府', '某某区委', '某某办', '2019年3月1日'], 'cbcbbbccc'],
    [['某某委员会', '２０１９年３月１日'], 'cbcbcc'],
  ];
  for (const [lines, want] of cases) assert.equal(roles(rep(['一、甲', B, '二、乙', B, ...lines])), want, lines.join('|'));
});

test('table rows: cells joined by a tab after some text, or three figures at the end after some text', () => {
  const cases: [string, string][] = [
    ['二、总数 1 2', 'cbcb'],
    ['二、总数 1 2 3', 'cbbb'],
    ['二、总数 1 2 3%', 'cbbb'],
    ['二、总数 -1 2.5 3,000', 'cbbb'],
    ['二、总数　1　2　3', 'cbbb'],
    ['二、总数 1 2 x', 'cbcb'],
    ['二、总数 1 2 3 ', 'cbbb'],
    ['二、总数1 2 3', 'cbcb'],
    ['二、总数 1 2 3.', 'cbbb'],
    ['二、总数 1 2 3,', 'cbbb'],
    ['二、总数\t1', 'cbbb'],
    ['\t二、总数', 'cbcb'],
    ['二、总数 1  2  3', 'cbbb'],
    ['二、总数 a1 2 3', 'cbcb'],
    // A row whose last cell is empty: the tab is trimmed from the block, the row is still a row.
    ['二、总数\t', 'cbbb'],
    ['二、总数\t\t', 'cbbb'],
  ];
  for (const [line, want] of cases) assert.equal(roles(rep(['一、甲', B, line, B])), want, JSON.stringify(line));
});

test('a line echoes the opening when it occurs in it: the suffix automaton against String.includes on a repetitive opening', () => {
  const opening = '甲乙甲乙丙甲乙甲乙丁甲乙丙丁甲乙甲乙丙丁戊甲乙甲乙甲乙丙丙戊';
  const letters = ['甲', '乙', '丙', '丁', '戊'];
  const lines = new Set<string>();
  for (let len = 6; len <= 9; len++) {
    for (let at = 0; at + len <= opening.length; at++) {
      const s = opening.slice(at, at + len);
      lines.add(s);
      for (const c of letters) lines.add(s.slice(0, -1) + c);
      for (const c of letters) lines.add(c + s.slice(1));
    }
  }
  let echoes = 0;
  for (const line of lines) {
    // With a second line that echoes, the line is a chapter exactly when it echoes too.
    const r = rep([opening, '（一）甲', B, line, B, '甲乙甲乙丙甲', B]);
    const want = opening.includes(line);
    if (want) echoes++;
    assert.equal(r.paragraphs[3].role, want ? 'chapter' : 'body', line);
  }
  assert.deepEqual([lines.size, echoes], [819, 94]);
});

test('metadata edges: what is no title line, which line before it joins, which speaker, 来源 or publisher names the issuer, which year lines count', () => {
  const cases: [string, string[], string | null, string | null, [string, string | null, number | null, string | null, string, string[], string[]]][] = [
    [
      'the reader’s title names a report: the blocks stay',
      ['首页', '一、总体情况', B],
      '某县人民政府2018年度法治政府建设工作报告',
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'a title line after the body starts is not the title',
      ['各位代表：', '某县人民政府2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title line after a long paragraph is not the title',
      [
        '推进依法行政工作取得明显成效，各项制度进一步健全完善，全年共审查规范性文件三十件，办理复议案件五十件。推进依法行政工作取得明显成效，各项制度进一步健全完善，全年共审查规范性文件三十件，办理复议案件五十件。',
        '某县人民政府2018年度法治政府建设工作报告',
        '一、总体情况',
        B,
      ],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title line after a marker is not the title',
      ['一、总体情况', '某县人民政府2018年度法治政府建设工作报告', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a 来源 line that names a report is no title',
      ['来源：某县2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a speech line (作…报告) is no title',
      ['李某某作政府工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a dash line is no title',
      ['——2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a sentence is no title line; the report it names gives the type, issuer and year, and the title is made of them',
      ['现将某县2018年度法治政府建设工作报告如下。', '一、总体情况', B],
      null,
      't.txt',
      [
        '2018年某县人民政府法治政府建设工作报告',
        '某县人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        [],
        ['titleComposed 2018年某县人民政府法治政府建设工作报告'],
      ],
    ],
    [
      'a line over 60 characters is no title',
      [
        '某县人民政府关于某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某2018年度法治政府建设工作报告',
        '一、总体情况',
        B,
      ],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title that names its issuer is not joined with an issuer line before',
      ['某县人民政府', '某县人民政府2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], ['leadingChrome 1']],
    ],
    [
      'an issuer line with a digit is not joined',
      ['某县2号人民政府', '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['2018年度法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], ['leadingChrome 1']],
    ],
    [
      'an office line (司法局) is an issuer line',
      ['某县司法局', '2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某县司法局2018年度法治政府建设工作报告', '某县司法局', 2018, '法治政府建设工作报告', 'text text text text', ['某县司法局'], []],
    ],
    [
      'the item title as the issuer line of a type line',
      ['2018年度法治政府建设工作报告', '一、总体情况', B],
      '某县人民政府',
      't.txt',
      ['某县人民政府2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'the speaker 主席: 自治区人民政府',
      ['自治区人民政府主席 张某某', '各位代表：', '一、2024年工作回顾', B],
      '广西壮族自治区政府工作报告',
      't.txt',
      ['广西壮族自治区政府工作报告', '广西壮族自治区人民政府', 2025, '政府工作报告', 'text text text text', ['广西壮族自治区政府', '自治区人民政府'], []],
    ],
    [
      'the speaker with 同志 and a dash',
      ['——市长 王某某同志', '各位代表：', '一、2024年工作回顾', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', ['某市政府', '市人民政府'], []],
    ],
    [
      'a speaker line over 40 characters is not read',
      ['四川省省长某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某某', '各位代表：', '一、2024年工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      '来源 that is not a government is not the issuer',
      ['来源：某某日报', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      '来源 of a 政府',
      ['来源：某县政府', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县政府'], []],
    ],
    [
      'a publisher line that is no office is not the issuer',
      ['某市某某公司', '一、综合', B],
      '2019年国民经济和社会发展统计公报',
      't.txt',
      ['2019年国民经济和社会发展统计公报', null, 2019, '国民经济和社会发展统计公报', 'text none text text', [], []],
    ],
    [
      'most named: 国务院办公厅 and 国务院各部门 are not 国务院',
      ['各位代表：', '国务院办公厅通知。国务院各部门落实。某某市人民政府部署。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某市人民政府', null, '政府工作报告', 'text text none text', ['某某市人民政府'], ['issuerFromMentions 某某市人民政府']],
    ],
    [
      'most named: the government named most often',
      ['各位代表：', '会议要求，某某县人民政府落实。某某县人民政府负责，某某市人民政府报告。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', '某某县人民政府', null, '政府工作报告', 'text text none text', ['某某县人民政府'], ['issuerFromMentions 某某县人民政府']],
    ],
    [
      'the address: 我受国务院的委托',
      ['各位代表：', '我受国务院的委托，向大会报告工作。', '一、工作回顾', B],
      null,
      'x.txt',
      ['国务院政府工作报告', '国务院', null, '政府工作报告', 'text text none text', ['国务院'], ['titleComposed 国务院政府工作报告']],
    ],
    [
      'gwr: a review heading with full-width digits',
      ['各位代表：', '一、１９９１年工作的回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 1992, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: 关于…年的政府工作 heading',
      ['各位代表：', '一、工作回顾', B, '二、关于2020年政府工作', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2020, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: 过去的2024年 in the opening',
      ['各位代表：', '过去的2024年，我们砥砺奋进。', '一、工作回顾', B],
      '政府工作报告',
      't.txt',
      ['政府工作报告', null, 2025, '政府工作报告', 'text none text text', [], []],
    ],
    [
      'gwr: a session date with no day',
      ['2025年1月在某市第十七届人民代表大会第五次会议上', '各位代表：', '一、工作回顾', B],
      '某市政府工作报告',
      't.txt',
      ['某市政府工作报告', '某市人民政府', 2025, '政府工作报告', 'text text text text', ['某市政府'], []],
    ],
    [
      'a period that spans two years is not one year',
      ['统计期限自2022年1月1日起至2023年12月31日止。', '一、甲', B],
      '某区政府信息公开工作年度报告',
      't.txt',
      ['某区政府信息公开工作年度报告', '某区人民政府', null, '政府信息公开工作年度报告', 'text text none text', ['某区政府'], []],
    ],
    [
      'a date line after the fourth opening line is not read',
      ['甲', '乙', '丙', '丁', '2017年10月16日', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a review part names its year; the plan after it does not win',
      ['2019年工作计划', '一、甲', B, '2018年工作情况', '一、乙', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], []],
    ],
    [
      'a year 1900 is not valid',
      ['1900年，我区坚持依法行政。', '一、甲', B],
      '某区法治政府建设工作报告',
      't.txt',
      ['某区法治政府建设工作报告', '某区人民政府', null, '法治政府建设工作报告', 'text text none text', [], []],
    ],
    [
      'a session line is no title',
      ['在某县第五届人民代表大会第一次会议上的政府工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['t', '某县人民政府', null, null, 'fileName text none none', [], ['titleFromFileName t']],
    ],
    [
      'the line before a title line that opens it (关于…年度) is joined',
      ['某县人民政府关于2018年度', '法治政府建设情况的报告某某某某某某某某某某', '一、总体情况', B],
      null,
      't.txt',
      [
        '某县人民政府关于2018年度法治政府建设情况的报告某某某某某某某某某某',
        '某县人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['某县人民政府'],
        [],
      ],
    ],
    [
      'a title broken inside its type word',
      ['某县人民政府关于2018年度法治政府建设工作报', '告', '一、总体情况', B],
      null,
      't.txt',
      ['某县人民政府关于2018年度法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'a title broken inside its type word, the second line over 20 characters',
      ['某县人民政府关于2018年度法治政府建设工作报', '告某某某某某某某某某某某某某某某某某某某某', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title broken inside its type word, the first line over 40 characters',
      ['某县人民政府关于2018年度法治政府建设某某某某某某某某某某某某某某某某某某工作报', '告', '一、总体情况', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title broken inside its type word just before the body',
      ['某县人民政府关于2018年度法治政府建设工作报', '一、告', B],
      null,
      't.txt',
      ['t', null, null, null, 'fileName none none none', [], ['titleFromFileName t']],
    ],
    [
      'a title broken inside its type word, the first line of 40 characters',
      ['某县人民政府关于2018年度法治政府建设某某某某某某某某某某某某某某某某某工作报', '告', '一、总体情况', B],
      null,
      't.txt',
      [
        '某县人民政府关于2018年度法治政府建设某某某某某某某某某某某某某某某某某工作报告',
        '某县人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['某县人民政府'],
        [],
      ],
    ],
    [
      'a title broken inside its type word, the second line of 20 characters',
      ['某县人民政府关于2018年度法治政府建设工作报', '告某某某某某某某某某某某某某某某某某某某', '一、总体情况', B],
      null,
      't.txt',
      [
        '某县人民政府关于2018年度法治政府建设工作报告某某某某某某某某某某某某某某某某某某某',
        '某县人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['某县人民政府'],
        [],
      ],
    ],
    [
      'a wider place from another mention (来源)',
      ['来源：淮安市洪泽区人民政府', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      [
        '洪泽区人民政府2018年法治政府建设工作报告',
        '淮安市洪泽区人民政府',
        2018,
        '法治政府建设工作报告',
        'text text text text',
        ['洪泽区人民政府', '淮安市洪泽区人民政府'],
        [],
      ],
    ],
    [
      'no wider place from a place of the same level',
      ['本报告由淮阴区洪泽区人民政府发布。', '一、总体情况', B],
      '洪泽区人民政府2018年法治政府建设工作报告',
      't.txt',
      ['洪泽区人民政府2018年法治政府建设工作报告', '洪泽区人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['洪泽区人民政府'], []],
    ],
    [
      'the opening is 12 blocks: a 来源 line as the 12th is read',
      ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '来源：某县人民政府', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', '某县人民政府', 2018, '法治政府建设工作报告', 'text text text text', ['某县人民政府'], []],
    ],
    [
      'the opening is 12 blocks: a 来源 line as the 13th is not',
      ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛', '壬', '癸', '子', '丑', '来源：某县人民政府', '一、总体情况', B],
      '2018年法治政府建设工作报告',
      't.txt',
      ['2018年法治政府建设工作报告', null, 2018, '法治政府建设工作报告', 'text none text text', [], []],
    ],
    [
      'trailing chrome is no part of the opening',
      ['来源：某县人民政府', '某市2018年度法治政府建设工作报告', '一、总体情况', B],
      null,
      't.txt',
      ['某市2018年度法治政府建设工作报告', '某市人民政府', 2018, '法治政府建设工作报告', 'text text text text', [], ['leadingChrome 1']],
    ],
  ];
  for (const [name, blocks, title, file, want] of cases) {
    const r = rep(blocks, title, file);
    const f = r.meta.from;
    const got = [
      r.title,
      r.issuer,
      r.year,
      r.type,
      `${f.title} ${f.issuer} ${f.year} ${f.type}`,
      r.meta.issuerVariants,
      r.diagnostics
        .filter((d) => d.severity === 'info' && !/Chapter|Section|Heading|Trailing material/.test(d.message))
        .map((d) => `${d.code} ${(d.args ?? []).join('|')}`),
    ];
    assert.deepEqual(got, want, name);
  }
});

test('real reports (test/fixtures): the outline, metadata and diagnostics of a national report, a provincial web page and two adversarial layouts', () => {
  const cases: [string, [string, string | null, number | null, string | null, number, string], string[], string][] = [
    [
      'national/gwr-national-2013.txt',
      ['2013年国务院政府工作报告', '国务院', 2013, '政府工作报告', 83, 'r5cd96f75'],
      [
        'chapter 1 一、 «过去五年工作回顾» 7-63',
        'chapter 2 二、 «今年经济社会发展的总体要求、主要预期目标和宏观经济政策» 65-83',
        'chapter 3 三、 «对今年政府工作的建议» 85-161',
        '  section 1 （一） «加快转变经济发展方式，促进经济持续健康发展» 89-99',
        '  section 2 （二） «强化农业农村发展基础，推动城乡发展一体化» 101-105',
        '  section 3 （三） «以保障和改善民生为重点，全面提高人民物质文化生活水平» 107-131',
        '  section 4 （四） «以更大的政治勇气和智慧，深入推进改革开放» 133-161',
      ],
      'yearFromFileName@null titleComposed@null trailing@163',
    ],
    [
      'webtext/2026_青海省_政府工作报告.txt',
      ['政府工作报告', '青海省人民政府', 2026, '政府工作报告', 117, 'r90e63082'],
      [
        'chapter 1 一、 «2025年和“十四五”时期工作回顾» 11-73',
        // The review's heads, set apart with no marker (the page's bold): its sections.
        '  section null null «生态底色更加亮丽» * 15-17',
        '  section null null «经济运行持续向好» * 19-21',
        '  section null null «特色产业向新向优» * 23-25',
        '  section null null «发展动力日益强劲» * 27-29',
        '  section null null «城乡区域协同融合» * 31-33',
        '  section null null «民生改善可感可及» * 35-37',
        '  section null null «安全基础不断夯实» * 39-73',
        'chapter 2 二、 «“十五五”主要目标任务» 75-105',
        '  section 1 （一） «以更高标准打造生态文明高地» 81-83',
        '  section 2 （二） «以更大力度推动高质量发展» 85-87',
        '  section 3 （三） «以更深层次全面深化改革开放» 89-91',
        '  section 4 （四） «以更高水平推动协调融合发展» 93-95',
        '  section 5 （五） «以更实举措提高人民生活品质» 97-99',
        '  section 6 （六） «以更强韧性筑牢发展安全屏障» 101-105',
        'chapter 3 三、 «2026年重点工作任务» 107-235',
        '  section 1 （一） «聚焦“双碳”引领，推动全面绿色转型» 115-131',
        '  section 2 （二） «聚焦扩大内需，更好融入强大国内市场» 133-145',
        '  section 3 （三） «聚焦创新驱动，加紧培育壮大新动能» 147-175',
        '  section 4 （四） «聚焦改革攻坚，增强高质量发展动力活力» 177-189',
        '  section 5 （五） «聚焦协调发展，促进城乡融合区域联动» 191-203',
        '  section 6 （六） «聚焦民心所系，加大保障和改善民生力度» 205-235',
      ],
      'chromeRemoved@null unnumberedSections@15',
    ],
    [
      'texts/secrestart.txt',
      ['某县司法局2018年度法治政府建设工作报告', '某县司法局', 2018, '法治政府建设工作报告', 11, 'rb5998d28'],
      [
        'section 1 （一） «加强组织领导» 3-5',
        'section 2 （二） «深化“放管服”改革» 7-9',
        'section 3 （三） «严格规范公正文明执法» 11-15',
        'section 1 （一） «进一步加强统筹» 17-19',
        'section 2 （二） «进一步强化监督» 21-23',
      ],
      '',
    ],
    [
      'texts/miss-inline.txt',
      ['miss-inline', null, 2019, null, 6, 'r1205d5ff'],
      [
        'part null null «某县人民政府2019年工作计划» 3-13',
        '  chapter 1 一、 «加强法治政府建设的统筹领导» 5-5',
        '  chapter 2 null «深化“放管服”改革» * 7-11',
        '  chapter 3 三、 «严格规范行政机关执法行为» 13-13',
      ],
      'titleFromFileName@null unmarkedChapter@7',
    ],
  ];
  for (const [file, meta, outline, codes] of cases) {
    const r = importSource(file.split('/').pop() ?? file, readFileSync(new URL(`../fixtures/${file}`, import.meta.url))).reports[0];
    assert.deepEqual([r.title, r.issuer, r.year, r.type, r.paragraphs.length, r.id], meta, file);
    assert.deepEqual(
      flattenOutline(r.outline).map(
        ({ node, depth }) =>
          `${'  '.repeat(depth)}${node.kind} ${node.number} ${node.label} «${node.title}»${node.inferred ? ' *' : ''} ${node.line}-${node.endLine}`,
      ),
      outline,
      file,
    );
    assert.equal(r.diagnostics.map((d) => `${d.code}@${d.line}`).join(' '), codes, file);
  }
});

test('where the front ends: within 40 blocks, before a long paragraph, an address or a heading marker (not a list item or a part)', () => {
  const T = '某县人民政府2018年度法治政府建设工作报告';
  const chrome = (n: number) => Array.from({ length: n }, (_, i) => `栏目${i}`);
  const cases: [string[], string][] = [
    [[...chrome(39), T, '一、甲', B], T],
    [[...chrome(40), T, '一、甲', B], 't'],
    [['某'.repeat(41), T, '一、甲', B], T],
    [[`${'某'.repeat(40)}。`, T, '一、甲', B], 't'],
    [[`${'某'.repeat(39)}。`, T, '一、甲', B], T],
    [['某'.repeat(80), T, '一、甲', B], T],
    [['某'.repeat(81), T, '一、甲', B], 't'],
    // An index of years is no paragraph (统计年鉴年度索引: 2023 2022 …, a statistics site's header).
    [[`统计年鉴年度索引: ${Array.from({ length: 14 }, (_, i) => 2023 - i).join(' ')} [ 统计年鉴分省、行业总索引 ]`, T, '一、甲', B], T],
    [[`${'某'.repeat(20)}；${'某'.repeat(20)}`, T, '一、甲', B], 't'],
    [['第一，某某', T, '一、甲', B], T],
    [['工作情况', T, '一、甲', B], T],
    [['（一）甲', T, B], 't'],
  ];
  for (const [blocks, want] of cases) assert.equal(rep(blocks).title, want, blocks[blocks.length - 3]);
  // A part heading over 40 characters is a paragraph, whatever its words.
  assert.equal(roles(rep([B, `2018年度${'某'.repeat(30)}工作开展情况`, '一、甲项', B])), 'bbcb');
  assert.equal(roles(rep([B, `2018年度${'某'.repeat(28)}工作开展情况`, '一、甲项', B])), 'bpcb');
});

test('a (一) list nested in a section ends at the chapter: a genuine (三) in the next chapter does not continue it', () => {
  const r = rep([
    '一、总体',
    B,
    '（一）甲',
    B,
    '（二）乙',
    B,
    '（一）小甲',
    B,
    '（二）小乙',
    B,
    '（三）小丙',
    B,
    '二、做法',
    B,
    '（一）子',
    B,
    '（二）丑',
    B,
    '（三）寅',
    B,
  ]);
  assert.equal(roles(r), 'cbsbsbbbbbsbcbsbsbsb');
  assert.deepEqual(tree(r), [
    'chapter 1 一、 «总体» 3-25 [17,21)',
    '  section 1 （一） «甲» 7-9 [76,80)',
    '  section 2 （二） «乙» 11-21 [135,139)',
    '  section 3 （三） «小丙» 23-25 [314,319)',
    'chapter 2 二、 «做法» 27-41 [374,378)',
    '  section 1 （一） «子» 31-33 [433,437)',
    '  section 2 （二） «丑» 35-37 [492,496)',
    '  section 3 （三） «寅» 39-41 [551,555)',
  ]);
});

test('spaces inside a period, a range of years, a title’s year line and a part’s year; a line of long bracketed links', () => {
  assert.equal(rep(['统计期限自 2023 年 1 月 1 日 起 至 2023 年 12 月 31 日止。', '一、甲', B], '某区政府信息公开工作年度报告').year, 2023);
  assert.equal(rep(['一、甲', B], '某区2016 — 2018 年法治政府建设工作报告').year, 2018);
  assert.equal(rep(['某县人民政府2018 年', '法治政府建设工作报告', '一、总体情况', B]).title, '某县人民政府2018年法治政府建设工作报告');
  assert.equal(roles(rep([B, '2019 年度某某某某某某某某某某某某工作计划', '一、甲项', B])), 'bpcb');
  assert.equal(roles(rep(['一、甲', B, '二、乙', B, '【政务公开信息目录】 【政府信息公开指南】 【政府信息公开制度】 【政府信息公开年报】'])), 'cbcbt');
});

test('a report whose top level is （一）: a run of 一、二、三、 items ending in ； is a list in the section, not chapters', () => {
  const item = (n: string, end: string) => `${n}、适当调整部分商品的价格，以利于调整结构，充分发挥各方面的作用${end}`;
  const r = rep(['（一）关于经济形势', B, '（二）关于经济体制改革', B, item('一', '；'), item('二', '；'), item('三', '。'), B, '（三）关于对外开放', B]);
  assert.deepEqual(
    r.outline.map((n) => `${n.kind} ${n.label} ${n.children.length}`),
    ['section （一） 0', 'section （二） 0', 'section （三） 0'],
  );
  assert.equal(r.paragraphs.filter((p) => p.role === 'chapter').length, 0);
  // Not a list: the items end no sentence, or none ends in ；, or they are not one right after another, or one alone.
  const chapters = (blocks: string[]) => rep(blocks).paragraphs.filter((p) => p.role === 'chapter').length;
  assert.equal(chapters(['（一）关于经济形势', B, item('一', '。'), item('二', '。'), item('三', '。')]), 3, 'no ；: chapters');
  assert.equal(chapters(['（一）关于经济形势', B, item('一', '；'), B, item('二', '；'), B]), 2, 'a body between: chapters');
  assert.equal(chapters(['（一）关于经济形势', B, item('一', '；'), '二、深化改革', B]), 2, 'a heading among them: chapters');
  assert.equal(chapters(['（一）关于经济形势', B, item('一', '；')]), 1, 'one item alone: a chapter');
  // A report that opens with chapters keeps them: only a top level of （一） makes the run a list.
  assert.equal(chapters(['一、工作回顾', B, '（一）关于经济形势', B, item('二', '；'), item('三', '；')]), 3);
});

test('the 1985 national report: its four price-reform items under （二） are a list, the report has two sections and no chapter', () => {
  const src = readFileSync(new URL('../fixtures/series/national/gwr-national-1985.txt', import.meta.url));
  const [r] = importSource('gwr-national-1985.txt', src).reports;
  assert.deepEqual(
    r.outline.map((n) => `${n.kind} ${n.title}`),
    ['section 关于经济形势', 'section 关于经济体制改革'],
  );
  const item = r.paragraphs.find((p) => p.text.startsWith('二、适当提高铁路短途运价'));
  assert.equal(item?.role, 'body');
});
