/**
 * Three real reports read as an analyst reads their outlines (title, issuer, year, chapters): what was wrong in them.
 * National 1998 and 1984 and 湖南 2026, as test/fixtures keeps them (copies of ../shared/corpus).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { flattenOutline, importSource, type Report } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';

const report = (rel: string): Report => importSource(path.basename(rel), readFileSync(path.join(FIXTURES, rel))).reports[0];
const outline = (r: Report) => flattenOutline(r.outline).map(({ node, depth }) => `${'  '.repeat(depth)}${node.label ?? '*'}${node.title}`);

test('1998: all eight heads of 一、 that lost their bold are its sections, the longer ones too, each titled whole', () => {
  const r = report('national/gwr-national-1998.txt');
  const one = r.outline.find((n) => n.label === '一、');
  assert.deepEqual(
    one?.children.map((s) => s.title),
    [
      '过去的五年，经济发展保持良好势头，国家经济实力显著增强',
      '以建立社会主义市场经济体制为目标的改革取得重大突破，新的宏观调控体系框架初步建立，市场在资源配置中的基础性作用显著增强',
      '对外开放继续扩大，形成了全方位、多层次、宽领域的开放格局',
      '科技教育文化事业在改革中前进，社会主义精神文明建设取得新的成绩',
      '社会主义民主和法制建设得到加强，民族团结和社会稳定的局面进一步巩固',
      '国防和军队现代化建设迈出新的步伐',
      '城乡居民收入显著增加，生活水平进一步提高',
      '香港顺利回归祖国，继续保持繁荣稳定',
    ],
  );
  // The lessons after them (有以下几点体会： / 第一，…。) stay the chapter's text.
  assert.ok(!one?.children.some((s) => s.title.startsWith('第一')));
});

test('1984: its parts (关于国内建设, 关于外交工作, 结束语) hold its two runs of chapters; a long heading with no sentence is whole', () => {
  const r = report('series/national/gwr-national-1984.txt');
  assert.equal(r.year, 1984);
  assert.deepEqual(
    outline(r).map((l) => l.slice(0, 16)),
    [
      '*关于国内建设',
      '  一、认真地有步骤地改革城市经',
      '  二、改革建筑业和基本建设的管',
      '  三、改革流通体制，疏通流通渠',
      '  四、积极办好经济特区和进一步',
      '  五、更加重视知识和知识分子的',
      '*关于外交工作',
      '  一、维护世界和平是我国对外政',
      '  二、我们坚持在和平共处五项原',
      '  三、我们任何时候都把维护第三',
      '*结束语',
    ],
  );
  const two = flattenOutline(r.outline).find(({ node }, k) => k > 6 && node.label === '二、')?.node;
  assert.equal(two?.title, '我们坚持在和平共处五项原则的基础上发展同世界各国的关系，并且主张世界上所有国家都应当遵循五项原则，使它真正成为国际关系的普遍准则');
});

test('湖南 2026: the speaker named alone after the session line is the byline, not the report text', () => {
  const r = report('series/2026/2026_湖南省_政府工作报告.txt');
  assert.equal(r.issuer, '湖南省人民政府');
  assert.equal(r.year, 2026);
  assert.deepEqual(
    r.paragraphs.slice(0, 3).map((p) => `${p.role} ${p.text.slice(0, 8)}`),
    ['trailing ——2026年2', 'trailing 毛伟明', 'body 各位代表：'],
  );
  assert.deepEqual(
    r.outline.map((n) => `${n.label}${n.title}`),
    ['一、2025年和“十四五”时期工作回顾', '二、“十五五”时期主要目标任务', '三、关于2026年工作', '四、全面加强政府自身建设'],
  );
});
