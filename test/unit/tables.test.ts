/** Figures of a table set as text, a row a line (core compare/tables.ts), as communiqués print them. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { importSource, paragraphsFigures, reportFigures } from '../../src/core/index.ts';
import { tableHeader, tableRowFigures } from '../../src/core/compare/index.ts';
import { FIXTURES } from './helpers.ts';

const row = (header: string, line: string) => tableRowFigures(tableHeader(header)!, line, 'result', 'p1')?.map((f) => [f.label, f.value, f.unit]);

test('tables: a header names the columns; a row’s figures take their units from the column, the row or a unit column', () => {
  assert.equal(tableHeader('全年粮食产量122800吨，比上年下降3.9%。'), null);
  assert.equal(tableHeader('粮食 122800 -3.9'), null);
  assert.deepEqual(row('产品名称 产量(吨) 比上年增长(%)', '粮食 122800 -3.9'), [
    ['粮食产量', 122800, '吨'],
    ['粮食产量增长', -3.9, '%'],
  ]);
  // 其中 and # go; a row's own unit is its own measure's.
  assert.deepEqual(row('产品名称 产量(吨) 比上年增长(%)', '其中:小麦 16247 0.0')?.[0], ['小麦产量', 16247, '吨']);
  assert.deepEqual(row('产品名称 产量(吨) 比上年增长(%)', '造林面积(亩) 110200 22.8')?.[0], ['造林面积', 110200, '亩']);
  // A unit column, tabs, a letter-spaced name column, a share in percent.
  assert.deepEqual(row('指\t标\t单位\t绝对数\t比上年增长(%)', '货物运输总量\t亿吨\t2.92\t6.6'), [
    ['货物运输总量', 2.92, '亿吨'],
    ['货物运输总量增长', 6.6, '%'],
  ]);
  assert.deepEqual(row('指 标 年末数（万人） 比重（%）', '其中：城镇 392.66 45.31'), [
    ['城镇', 392.66, '万人'],
    ['城镇比重', 45.31, '%'],
  ]);
  // Not a data row: another number of cells, words where a number goes, a column with no unit (an index).
  assert.equal(row('产品名称 产量(吨) 比上年增长(%)', '粮食 122800'), undefined);
  assert.equal(row('产品名称 产量(吨) 比上年增长(%)', '粮食 较多 -3.9'), undefined);
  assert.equal(tableHeader('类别 指数'), null);
  // A missing value (-) gives no figure; the rest of the row does.
  assert.deepEqual(row('产品名称 产量(吨) 比上年增长(%)', '茶叶 - 5.1'), [['茶叶增长', 5.1, '%']]);
});

test('tables: the modes under a total say whose (铁路货物运输总量), and a run of paragraphs reads its tables until prose', () => {
  const header = tableHeader('指标 单位 绝对数 比上年增长(%)')!;
  const rows = ['货物运输总量 亿吨 2.92 6.6', '#铁路 亿吨 0.80 -6.6', '水运 亿吨 0.35 7.3'].map((l) => tableRowFigures(header, l, 'result', '')![0].label);
  assert.deepEqual(rows, ['货物运输总量', '铁路货物运输总量', '水运货物运输总量']);
  const figures = paragraphsFigures([
    '表1 2022年主要农产品产量',
    '产品名称 产量(吨) 比上年增长(%)',
    '粮食 122800 -3.9',
    '全年油料产量4508吨，下降18.7%。',
    '油料 4508 -18.7',
  ]).map((f) => [f.label, f.value, f.unit]);
  assert.deepEqual(figures, [
    ['粮食产量', 122800, '吨'],
    ['粮食产量增长', -3.9, '%'],
    ['油料产量', 4508, '吨'],
    ['油料产量下降', 18.7, '%'],
  ]);
});

test('洛南县 2022: the communiqué’s tables of farm and forest products give their figures, with the chapter they stand in', () => {
  const r = importSource('41297.txt', readFileSync(path.join(FIXTURES, 'unseen', '41297.txt'))).reports[0];
  const table = reportFigures(r).filter((f) => /^[-0-9.]+$/.test(f.text));
  const of = (label: string) => table.find((f) => f.label === label);
  assert.deepEqual([of('粮食产量')?.value, of('粮食产量')?.unit, of('粮食产量增长')?.value], [122800, '吨', -3.9]);
  assert.deepEqual([of('核桃产量')?.value, of('造林面积')?.unit], [40872, '亩']);
  assert.equal(of('粮食产量')?.kind, 'result');
  assert.ok(table.length >= 20, String(table.length));
});

test('the figures bundle the Trends view loads on first use reads tables too', async () => {
  const { paragraphsFiguresLazy } = await import('../../src/host/figureChunk.ts');
  const figures = await paragraphsFiguresLazy(['产品名称 产量(吨) 比上年增长(%)', '粮食 122800 -3.9']);
  assert.deepEqual(
    figures.map((f) => [f.label, f.value, f.unit]),
    [
      ['粮食产量', 122800, '吨'],
      ['粮食产量增长', -3.9, '%'],
    ],
  );
});

test('tables (an unseen pass over communiqués’ tables): traditional text, letter-spaced names, age groups, a whole’s parts, shares as 构成, price indices under 涨跌', () => {
  const read = (rows: string[]) => paragraphsFigures(rows).map((f) => `${f.label}=${f.value}${f.unit}`);
  // A price index in a 涨跌 column is no change of 101%.
  assert.deepEqual(read(['指标 | 比上年涨跌(%) |', '居民消费价格总指数 | 101.0 |', '其中:食品烟酒 | 98.4 |']), []);
  assert.deepEqual(read(['指标 | 绝对数(万元) | 增长(%) | 构成(%) |', '第一产业 | 56789 | 5.25 | 16.6 |']), [
    '第一产业=56789万元',
    '第一产业增长=5.25%',
    '第一产业构成=16.6%',
  ]);
  assert.deepEqual(read(['指標 | 年末數(萬人) | 比重(%) |', '年末常住總人口 | 3099 | 100.0 |', '其中:城鎮 | 2052 | 66.2 |']).slice(2), [
    '城镇人口=2052万人',
    '城镇人口比重=66.2%',
  ]);
  assert.deepEqual(read(['指标 | 年末数(人) | 比重(%) |', '年末户籍人口 | 832000 | 100 |', '其中:0-17岁 | 220968 | 26.53 |']).slice(2), [
    '0-17岁人口=220968人',
    '0-17岁人口比重=26.53%',
  ]);
  assert.deepEqual(read(['产品名称 产 量 比上年增长%', '粮 食 199008.5 6.3']), ['粮食产量增长=6.3%']);
  assert.deepEqual(read(['指标名称 绝对额(万元) 比上年增长(%)', '农林牧渔业总产值 300000 5.0', '#种植业 88480 8.9', '    林  业  11056 11.4']).slice(2), [
    '种植业产值=88480万元',
    '种植业产值增长=8.9%',
    '林业产值=11056万元',
    '林业产值增长=11.4%',
  ]);
  assert.deepEqual(read(['农产品名称 | 产量(吨) | 同比% |', '粮食 | 12000 | 3.2 |']), ['粮食产量=12000吨', '粮食产量增长=3.2%']);
  // A name of one character before a unit of one (纱 / 吨): two cells, not a letter-spaced word.
  assert.deepEqual(read(['产品名称\t单位\t产\t量\t比上年增长（%）', '纱\t吨\t189128\t19.3']), ['纱产量=189128吨', '纱产量增长=19.3%']);
});

test('tables (a review): a caption or an unread header ends a table; two years’ columns give no values; a column names its measure; a count’s row keeps its own; parts only under a marked row', () => {
  const read = (rows: string[]) => paragraphsFigures(rows).map((f) => `${f.label}=${f.value}${f.unit}`);
  assert.deepEqual(
    read([
      '指标 单位 绝对数 比上年增长(%)',
      '地区生产总值 亿元 320.5 6.1',
      '表2 2023年居民消费价格指数（上年=100）',
      '项目 全市 城市 农村',
      '居民消费价格 102.1 102.0 102.3',
    ]),
    ['地区生产总值=320.5亿元', '地区生产总值增长=6.1%'],
  );
  assert.deepEqual(read(['指标 单位 2023年 2022年 比上年增长(%)', '规模以上工业增加值 亿元 98.6 91.2 8.1']), ['规模以上工业增加值增长=8.1%']);
  assert.deepEqual(read(['地区 地区生产总值(亿元) 比上年增长(%)', '城关镇 45.2 6.5', '地区 一般公共预算收入(亿元) 比上年增长(%)', '城关镇 3.2 8.1']), [
    '城关镇地区生产总值=45.2亿元',
    '城关镇地区生产总值增长=6.5%',
    '城关镇一般公共预算收入=3.2亿元',
    '城关镇一般公共预算收入增长=8.1%',
  ]);
  assert.deepEqual(read(['地区 人口(万人) 增长率(%) 占全县比重(%)', '城镇 12.1 6.5 62.4']), ['城镇人口=12.1万人', '城镇人口增长=6.5%', '城镇比重=62.4%']);
  assert.deepEqual(read(['产品名称 产量(吨) 比上年增长(%)', '生猪出栏(万头) 45.1 3.2']), ['生猪出栏=45.1万头', '生猪出栏增长=3.2%']);
  // 在总计中 as a cell of its own marks a part (周口 2023's table of industrial growth).
  assert.deepEqual(read(['指标 比上年增长（%）', '规模以上工业增加值 5.0', '在总计中：\t轻工业\t0.2', '重工业 11.2']), [
    '规模以上工业增加值增长=5%',
    '轻工业增加值增长=0.2%',
    '重工业增加值增长=11.2%',
  ]);
  assert.deepEqual(
    read(['指标 单位 绝对数 比上年增长(%)', '规模以上工业增加值 亿元 98.6 8.1', '粮食 万吨 35.2 2.1', '能源消费总量 万吨标准煤 120 2.0', '粮食 万吨 35.2 2.1']),
    [
      '规模以上工业增加值=98.6亿元',
      '规模以上工业增加值增长=8.1%',
      '粮食=35.2万吨',
      '粮食增长=2.1%',
      '能源消费总量=120万吨标准煤',
      '能源消费总量增长=2%',
      '粮食=35.2万吨',
      '粮食增长=2.1%',
    ],
  );
});
