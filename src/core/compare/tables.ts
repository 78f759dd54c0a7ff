/**
 * Figures in a table set as text, a row a line (a 统计公报's `表1 2022年主要农产品产量`): a header row names the columns
 * (`产品名称 产量(吨) 比上年增长(%)`), and each row under it is a name and its numbers (`粮食 122800 -3.9`). A number in
 * prose has its unit after it; in a table the unit is the column's (`产量(吨)`), the row's (`造林面积(亩)`) or a unit
 * column's (`单位` / `万吨`). A value column gives the row's figure (粮食产量 122800 吨), a change column in percent its
 * change (粮食产量增长 -3.9%). Only rows with as many cells as the header, numbers in every column but the name (a
 * missing value printed `-` or `—`), are read; a column with no unit (an index, `以上年为100`) gives no figure.
 */
import { simplified } from '../structure/index.ts';

/** A figure of a table's row: the shape of figures.ts's Figure (that module reads tables through this one). */
export interface TableFigure {
  label: string;
  value: number;
  unit: string;
  text: string;
  kind: 'target' | 'result';
  start: number;
  end: number;
  sentence: string;
  paragraph: string;
}

type Column = { kind: 'name' } | { kind: 'unit' } | { kind: 'value'; unit: string; measure: string } | { kind: 'change' } | { kind: 'skip' };

/** A value column's name that names no measure: 绝对数, 年末数, 本年, 2023年. */
const GENERIC = /^(?:绝对[数额值]|数值|数量|年末数|年末|年底数|本年|全年|总量|总数|实绩|完成|合计|(?:19|20)[0-9]{2}年?(?:末|底)?)?$/;

/** A table's header row: its columns, the first the rows' names. */
export interface TableHeader {
  columns: Column[];
  /** The last row that names a total its next rows break down by mode (货物运输总量 / #铁路 / 水运 / 公路). */
  total?: string;
  /** The last row was a part (其中:城镇, #铁路, or a short row after one). */
  inParts?: boolean;
  /** A table of prices (a 涨跌 or 指数 column): values near 100 in its change columns are indices. */
  prices?: boolean;
  /** The noun of the last row that names a whole (年末户籍人口, 农林牧渔业总产值): its parts' rows take it (城镇 → 城镇人口). */
  noun?: string;
}

/** The first column's header: what the rows are. */
const NAME_COLUMN = /^(?:[\u4e00-\u9fff]{0,4}名称|指标|产品|项目|类别|分类|行业|地区|品种|品名)$/;
/** A change column: 比上年增长(%), 增长%, 增减(%), 同比±%, 增速. */
const CHANGE_COLUMN = /^(?:(?:比上年|比去年|同比|较上年)(?:增长|增减|增速|增幅|涨跌|±)?|增长|增减|增速|增幅|涨跌|±)(?:幅度)?(?:[（(]?[%％][)）]?)?$/;
/** A value column, its measure and its unit in brackets: 产量(吨), 绝对额(亿元), 2022年(万元), 绝对数. */
const VALUE_COLUMN = /^([\u4e00-\u9fff0-9]{0,8}?)[（(]([^（）()]{1,8})[)）]$/;
/** Measures a value column names that are the row's too (粮食 under 产量 is 粮食产量); 绝对额, 绝对数, 数值 name nothing. */
const MEASURE = /^(?:产量|总产量|增加值|产值|总产值|销售额|零售额|营业收入|金额|余额|面积|数量|比重|占比|比例|构成|结构)$/;
/** A total broken down by mode in the rows under it (货物运输总量, 旅客运输周转量, 港口货物吞吐量). */
const TOTAL = /(?:总量|周转量|运输量|吞吐量|发送量)$/;
/** A row that names a whole its next rows break down (年末常住人口, 农林牧渔业总产值, 地区生产总值): its noun. */
const WHOLE = /(人口|总产值|产值|增加值|产量)$/;
/** A unit in a row's name or a column's brackets: what a figure's unit can be (not 以上年为100). */
const UNIT =
  /^(?:[万亿千百]{0,2}(?:元|吨标准煤|吨|人|户|人次|千瓦时|千瓦|公里|公顷|亩|头|只|辆|件|个|家|所|床|张|座|套|台|立方米|平方米|吨公里|人公里|美元|标准箱|箱)|%|％|‰)$/;
const NUMBER = /^[-−－+]?[0-9]+(?:\.[0-9]+)?$/;
const MISSING = /^[-—–－]+$/;

/**
 * A row's cells: set apart by tabs, bars or spaces (a space before a bracket is the column's: `比上年增长 (%)`); a word
 * letter-spaced into cells of one character each (指 标, 粮 食, 产 量) is one cell. Traditional characters are read as simplified.
 */
function cells(row: string): string[] {
  // A Markdown row (| 总户数 | 户 | 64933 | |): its cells between the bars, an empty one kept (a value missing), the spaces
  // inside a cell none of its own (| 指 标 |, | 其中: 城镇 |).
  const t = row.trim();
  if (/^[|｜]/.test(t) && /[|｜]$/.test(t) && t.length > 1)
    return simplified(t)
      .slice(1, -1)
      .split(/[|｜]/)
      .map((c) => c.replace(/[\s\u3000]+/g, ''));
  const parts = simplified(row)
    .replace(/\s+(?=[（(])/g, '')
    .trim()
    .split(/\s*[|｜]\s*|\t+|[ \u3000]+/)
    .filter((c) => c !== '');
  const single = (c: string | undefined) => c !== undefined && /^[\u4e00-\u9fff]$/.test(c);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    // Not a unit's cell after a name of one character (纱 / 吨 / 189128).
    if (i > 0 && single(parts[i]) && single(parts[i - 1]) && !UNIT.test(parts[i])) out[out.length - 1] += parts[i];
    else out.push(parts[i]);
  }
  return out;
}

/** The column a header's cell (spaces out) names: a unit's, a change's or a value's; null for one this reader does not know. */
function columnOf(c: string): Column | null {
  if (/^(?:计量)?单位$/.test(c)) return { kind: 'unit' };
  if (CHANGE_COLUMN.test(c)) return { kind: 'change' };
  const m = VALUE_COLUMN.exec(c);
  if (m && UNIT.test(m[2].replace(/\s+/g, ''))) {
    const unit = m[2].replace(/\s+/g, '').replace('％', '%');
    // A column in percent is a change unless it names a level (占比, 比重, 构成: a share, not a change; 增长率 is one).
    if (unit === '%' && (!/比重|占比|率|构成|结构/.test(m[1]) || /增长率|增速/.test(m[1]))) return { kind: 'change' };
    // Its measure: the column's name unless a generic one (绝对数, 年末数, 2023年); a share's, 比重 (占全县比重 → 比重).
    return { kind: 'value', unit, measure: /比重|占比/.test(m[1]) ? '比重' : GENERIC.test(m[1]) ? '' : m[1] };
  }
  if (c && (GENERIC.test(c) || MEASURE.test(c))) return { kind: 'value', unit: '', measure: MEASURE.test(c) ? c : '' };
  return null;
}

/** The header a row is, or null: a name column first, then value, change and unit columns, one value or change at least. */
export function tableHeader(row: string): TableHeader | null {
  if (row.length > 120 || /[。；，,]/.test(row)) return null;
  const parts = cells(row);
  if (parts.length < 2 || parts.length > 8 || !NAME_COLUMN.test(parts[0])) return null;
  const columns: Column[] = [{ kind: 'name' }, ...parts.slice(1).map((p): Column => columnOf(p.replace(/\s+/g, '')) ?? { kind: 'skip' })];
  // Two years' columns (2023年 2022年, or this year's and the plan's): which is the report's is not known; neither is read.
  const years = parts.slice(1).filter((p) => /^(?:19|20)[0-9]{2}年?/.test(p.replace(/\s+/g, ''))).length;
  if (years >= 2) for (let i = 1; i < parts.length; i++) if (/^(?:19|20)[0-9]{2}年?/.test(parts[i].replace(/\s+/g, ''))) columns[i] = { kind: 'skip' };
  return columns.some((c) => c.kind === 'value' || c.kind === 'change') ? { columns, prices: /涨跌|指数|价格/.test(row) } : null;
}

/** The figures of a row under `header` (null when the row is not one of its data rows: another header, a caption, prose). */
export function tableRowFigures(header: TableHeader, row: string, kind: TableFigure['kind'], paragraph: string): TableFigure[] | null {
  if (row.length > 160 || /[。；，,]/.test(row)) return null;
  const all = cells(row);
  // A part's mark as a cell of its own (在总计中：\t轻工业\t0.2): the row is the part's.
  const mark = /^(?:在总计中|其中|在总数中)[:：]?$/.test(all[0] ?? '') && all.length === header.columns.length + 1;
  const parts = mark ? [`其中:${all[1]}`, ...all.slice(2)] : all;
  if (parts.length !== header.columns.length) return null;
  // The row's name: without 其中 and the marks of a sub-row (#, 　), its unit in brackets apart (造林面积(亩)).
  const named = /^(?:(?:其中|在总计中|在总数中)[:：]?|[#＃△▲]+)*(.+?)(?:[（(]([^（）()]{1,8})[)）])?$/.exec(parts[0]);
  if (!named || !/^[\u4e00-\u9fffA-Za-z0-9“”、·\-—–~～]{1,24}$/.test(named[1]) || !/[\u4e00-\u9fff]/.test(named[1])) return null;
  const rowUnit = named[2] && UNIT.test(named[2]) ? named[2].replace('％', '%') : '';
  const unitCell = header.columns.findIndex((c) => c.kind === 'unit');
  const unitOfRow = unitCell >= 0 && UNIT.test(parts[unitCell]) ? parts[unitCell] : '';
  for (let i = 1; i < parts.length; i++) if (i !== unitCell && parts[i] !== '' && !NUMBER.test(parts[i]) && !MISSING.test(parts[i])) return null;
  // A part's row: marked (其中:城镇, #铁路), or a short row right after one (乡村, 水运); any other row ends the parts.
  let name = named[1];
  const marked = /^(?:(?:其中|在总计中|在总数中)[:：]?|[#＃△▲])/.test(parts[0]);
  const short = /^[\u4e00-\u9fff\d\-—–~～]{1,6}$/.test(name) && !/[量额值数率口]$/.test(name);
  header.inParts = marked || (!!header.inParts && short);
  // A mode under a total (#铁路 / 水运 / 公路 under 货物运输总量): 铁路货物运输总量, not a 铁路 of every total.
  if (TOTAL.test(name)) header.total = name;
  else if (header.inParts && header.total && /^[\u4e00-\u9fff]{1,4}$/.test(name) && !/[量额值数率]$/.test(name)) name += header.total;
  // A whole's parts (年末户籍人口 / 其中:城镇 / 乡村; 农林牧渔业总产值 / #种植业): 城镇人口, 种植业产值.
  else {
    const whole = WHOLE.exec(name);
    if (whole && name.length > whole[1].length && !marked) header.noun = whole[1].replace(/^总/, '');
    else if (header.inParts && header.noun && short) name += header.noun;
  }
  if (!marked && !header.inParts && !TOTAL.test(name)) header.total = undefined;
  const out: TableFigure[] = [];
  let from = 0;
  let valueLabel = '';
  for (let i = 1; i < parts.length; i++) {
    const col = header.columns[i];
    const text = parts[i];
    const at = row.indexOf(text, from);
    if (at >= 0) from = at + text.length;
    if (!NUMBER.test(text) || at < 0) continue;
    const value = Number(text.replace(/[−－]/, '-'));
    if (col.kind === 'value') {
      // A share's column keeps its own unit (比重(%) beside a unit column's 人).
      const unit = col.unit === '%' || col.unit === '‰' ? col.unit : rowUnit || unitOfRow || col.unit;
      // A row that names its own measure (造林面积(亩), 木材采运(立方米) under 产量(吨)) takes not the column's; 核桃(吨) does.
      // …and so does a count's (生猪出栏(万头) is no 产量).
      const own = rowUnit && (/(?:面积|采运|[量数额值率])$/.test(name) || /[头只羽个家人台辆件套户]$/.test(rowUnit));
      const label = col.measure && !own && !name.endsWith(col.measure) ? name + col.measure : name;
      valueLabel = label;
      // With no unit (a 总量 column, no unit of the row's): no figure, but its change is the measure's (粮食产量增长).
      if (!unit) continue;
      out.push({ label, value, unit, text, kind, start: at, end: at + text.length, sentence: row, paragraph });
    } else if (col.kind === 'change') {
      // A price index under a change's header (比上年涨跌(%) / 居民消费价格总指数 101.0): an index, not a change.
      if (header.prices && value >= 50) continue;
      const base = valueLabel || name;
      out.push({ label: `${base}增长`, value, unit: '%', text, kind, start: at, end: at + text.length, sentence: row, paragraph });
    }
  }
  return out;
}

/** A line that ends the table above it: a caption (表2 …) or a header of a table this reader cannot read (项目 全市 城市 农村). */
function endsTable(line: string): boolean {
  if (/^\s*[表图]\s*[0-9０-９一二三四五六七八九十]/.test(line)) return true;
  const first = cells(line)[0] ?? '';
  return NAME_COLUMN.test(first) && !tableHeader(line);
}

/**
 * The table rows of a run of paragraphs, read in order: a header starts a table, its rows give their figures, and a
 * caption, a header this reader cannot read, a heading (`heading`) or prose ends it.
 */
/** A header's cell on a line of its own: a name column's, a unit's, a value's or a change's (指标, 单位, 绝对值(亿元), 比上年增长(%)). */
function headerCell(cell: string): 'name' | 'column' | null {
  const c = headerText(cell);
  if (!c || c.length > 16 || NUMBER.test(c)) return null;
  return NAME_COLUMN.test(c) ? 'name' : columnOf(c) ? 'column' : null;
}
/** A header's cell as a column's name: simplified, no spaces, a bracket a page lost at its end restored (比重(% → 比重(%)). */
const headerText = (cell: string) =>
  simplified(cell)
    .replace(/\s+/g, '')
    .replace(/([（(][^）)]*)$/, '$1)');
/** A header's cell that names a unit or a change: 绝对值(亿元), 比重(%), 比上年增长(%), 单位 (not 完成, 年末数: words of a text too). */
const unitOrChange = (cell: string): boolean => {
  const col = columnOf(headerText(cell));
  return col !== null && (col.kind !== 'value' || col.unit !== '');
};
/** A table's caption: 表1 2017年全区生产总值及其增长速度, or its number alone before it (1 2021年年末常住人口数及构成). */
const CAPTION = /^\s*(?:[表图]\s*[0-9０-９一二三四五六七八九十]{1,2}|[0-9]{1,2}\s)\s*[\u4e00-\u9fff0-9][^。；，,]{2,40}$/;
/** A cell's text: without the bars a page left around it (180471 |). */
const cellText = (text: string) =>
  text
    .trim()
    .replace(/^[|｜]\s*|\s*[|｜]$/g, '')
    .trim();

/**
 * A table set a cell a line (指标 / 绝对值(亿元) / 比上年增长(%) / 全区生产总值 / 3453.93 / 7.8 / 农林牧渔业 / …, as a page's cells
 * became paragraphs): its header's cells gathered, then each row's name and its numbers, one figure per number paragraph.
 */
interface CellTable {
  header: TableHeader;
  name: string | null;
  values: string[];
}

export class TableReader {
  private header: TableHeader | null = null;
  /** A header being gathered a cell a line. */
  private cells: string[] | null = null;
  private cellTable: CellTable | null = null;
  private afterCaption = false;

  /** The row's figures; [] for a header; null for a paragraph that is no table's (read it as prose). */
  read(text: string, kind: TableFigure['kind'], paragraph: string, heading = false): TableFigure[] | null {
    // A cell is short: a long paragraph is none (and is not scanned as one).
    const cell = text.length <= 60 ? cellText(text) : null;
    if (this.cells) {
      // (As a column's name: 比重(% with its bracket restored.)
      if (!heading && cell !== null && headerCell(cell) === 'column') {
        this.cells.push(headerText(cell));
        return [];
      }
      // A header names a unit or a change in one of its columns at least (not 项目 / 完成, two words of a text).
      const header = this.cells.length >= 2 && this.cells.some(unitOrChange) ? tableHeader(this.cells.join('\t')) : null;
      this.cells = null;
      if (header) {
        this.cellTable = { header, name: null, values: [] };
        this.header = null;
      }
    }
    if (this.cellTable) {
      const r = cell === null ? null : this.readCell(this.cellTable, text, cell, kind, paragraph, heading);
      if (r) return r;
      this.cellTable = null;
    }
    const caption = text.length <= 60 && CAPTION.test(text);
    // A header's first cell alone: its name column's (指标), or a column's right under a caption (年末数(万人)).
    const first = heading || cell === null ? null : headerCell(cell);
    if (cell !== null && !tableHeader(text) && (first === 'name' || (first === 'column' && this.afterCaption))) {
      this.cells = first === 'name' ? [cell.replace(/\s+/g, '')] : ['指标', cell];
      this.afterCaption = false;
      return [];
    }
    this.afterCaption = caption;
    const next = tableHeader(text);
    if (next) {
      this.header = next;
      return [];
    }
    if (this.header && (heading || endsTable(text))) this.header = null;
    const rows = this.header ? tableRowFigures(this.header, text, kind, paragraph) : null;
    if (rows) return rows;
    // A note (以上年为100) or a group's name (按产业分) between rows keeps the table; prose ends it.
    if (/[。；]/.test(text) || text.length > 40) this.header = null;
    return null;
  }

  /** A paragraph of a table set a cell a line: [] for a row's name or a separator, the figure of a number; null: no cell. */
  private readCell(t: CellTable, text: string, cell: string, kind: TableFigure['kind'], paragraph: string, heading: boolean): TableFigure[] | null {
    if (heading) return null;
    if (cell === '') return [];
    const columns = t.header.columns.length;
    if (NUMBER.test(cell.replace(/[−－]/, '-')) || MISSING.test(cell)) {
      if (t.name === null || t.values.length >= columns - 1) return null;
      t.values.push(cell);
      const k = t.values.length;
      // The row so far, the cells still to come missing: the figure of this cell, with its column's label.
      const cells = [t.name, ...t.values, ...Array.from({ length: columns - 1 - k }, () => '-')];
      const row = cells.join('\t');
      const at = cells.slice(0, k).join('\t').length + 1;
      const figures = tableRowFigures(t.header, row, kind, paragraph) ?? [];
      const own = figures.find((f) => f.start === at);
      if (k === columns - 1) {
        t.name = null;
        t.values = [];
      }
      if (!own) return [];
      const start = Math.max(0, text.indexOf(own.text));
      return [{ ...own, start, end: start + own.text.length, sentence: cells.slice(0, k + 1).join(' ') }];
    }
    // A row's name: short, no sentence, no figure of its own (全年生猪出栏5万头), no heading's marker (二、农业); a caption or a
    // header this reader cannot read ends the table, and so does a second name with no numbers after the first (the text goes on).
    const bare = cell.replace(/^(?:其中|在总计中|在总数中)[:：]\s*/, '');
    if (
      bare.length > 24 ||
      /[。；，,：:]/.test(bare) ||
      !/[\u4e00-\u9fff]/.test(bare) ||
      /\d\s*(?![岁周])[\u4e00-\u9fff%％]/.test(bare.replace(/\d+\s*[-—–~～至]\s*\d+\s*岁/g, '')) ||
      /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十]+[章部节])/.test(bare) ||
      (t.name !== null && t.values.length === 0) ||
      endsTable(cell) ||
      CAPTION.test(cell)
    )
      return null;
    t.name = cell;
    t.values = [];
    return [];
  }
}
