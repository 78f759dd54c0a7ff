/**
 * Figures in report text: a number with its unit (918宗, 40.5%, 3486.57万元, 1.2万人次, 2个百分点)
 * and the label in front of it (行政复议申请, 综合纠错率, 法律意见), matched across the years by
 * label similarity, and laid out as a table with the change from year to year.
 *
 * Numbers may use full-width digits and decimal points, a sign (-3.2%, －0.5个百分点; not after a
 * number, where the dash is a range: 2016-2018, 6%－6.5%) and thousands separators (1,234人次, 1，234人次:
 * groups of exactly three digits; 3，5个 is a list). 万 and 亿 before a unit other than 元 multiply
 * the value (1.2万件 → 12000 件, rounded to 12 significant digits so 1.005万人 is 10050 人), while
 * 万元 and 亿元 are units of their own. Numbers written in Chinese numerals (一千二百宗), numbers
 * without a unit (years, dates, 前3季度), ordinals (第3批, 第3、4批) and rate denominators
 * (每10万人口) are not figures here.
 */

export interface Figure {
  /** The noun phrase in front of the number, or '' when none could be read. */
  label: string;
  /** The value in the unit (1.2万件 → 12000). */
  value: number;
  unit: string;
  /** The figure as printed (918宗). */
  text: string;
  /** UTF-16 offsets of the printed figure in the text it was read from. */
  start: number;
  end: number;
}

/** Units, longest first so that 人次 wins over 人 and 个百分点 over 个. 人口 (13亿人口) is read as 人. */
const UNITS = [
  '个百分点',
  '百分点',
  '平方公里',
  '平方米',
  '万元',
  '亿元',
  '人次',
  '户次',
  '件次',
  '公里',
  '千米',
  '万亩',
  '%',
  '％',
  '‰',
  '人口',
  '宗',
  '件',
  '人',
  '个',
  '项',
  '份',
  '次',
  '场',
  '家',
  '条',
  '篇',
  '所',
  '户',
  '元',
  '吨',
  '亩',
  '倍',
  '批',
  '期',
  '起',
  '台',
  '套',
  '座',
  '类',
  '种',
  '名',
  '位',
  '支',
  '本',
  '册',
  '张',
  '宗次',
].sort((a, b) => b.length - a.length);

/**
 * Units that are only units when the next characters do not make them another word. Time spans
 * are not figures (durations such as 3个月 or 5个工作日 are not counts of anything), so 个 before a
 * time word is no unit; 人民币 is a currency, not people (人口, a count of people, is the unit 人
 * below, and 人民群众 stays people); 条例, 支持/支出/支付, 期间/期末/期限, 名单/名称, 本年/本级 and
 * 座谈 are words of their own. A rejected unit leaves the number without a unit: no figure.
 */
const NOT_BEFORE: Record<string, RegExp> = {
  个: /^(?:月|季|工作日|小时|星期|礼拜|钟头)/,
  人: /^民币/,
  条: /^例/,
  支: /^[持出付]/,
  期: /^[间末限]/,
  名: /^[单称]/,
  本: /^[年级]/,
  座: /^谈/,
};
/** Units printed otherwise than the table shows them. */
const UNIT_AS: Record<string, string> = { '％': '%', 百分点: '个百分点', 人口: '人' };

const DIGIT = '[0-9０-９]';
const isDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
const isSign = (c: number) => c === 0x2d || c === 0xff0d || c === 0x2212;
const isSeparator = (c: number) => c === 0x2c || c === 0xff0c;
const isPoint = (c: number) => c === 0x2e || c === 0xff0e;

/**
 * The numbers of a text, in order: an optional sign, then digits with thousands separators (groups
 * of exactly three, not followed by another digit or another separated digit, so 3，5个 and 1,2345
 * are not merged) or plain digits, then an optional decimal part. The same matches as the regex
 * `[-－−]?(?:D{1,3}(?:[,，]D{3})+(?!D|[,，]D)|D+)(?:[.．]D+)?`, found by reading each run of
 * separated digits once: the regex reads the rest of the run again from each of its groups
 * (111,111,…,1111: time in the square of the groups).
 */
function* numbers(text: string): Generator<{ index: number; text: string }> {
  const n = text.length;
  let i = 0;
  while (i < n) {
    // The next digit; a sign right before it (and after the last number) starts the number.
    let d = i;
    while (d < n && !isDigit(text.charCodeAt(d))) d++;
    if (d >= n) return;
    const signed = d > i && isSign(text.charCodeAt(d - 1));
    // The run's groups: digits, separated by single separators.
    const starts: number[] = [];
    const ends: number[] = [];
    let e = d;
    for (;;) {
      starts.push(e);
      while (e < n && isDigit(text.charCodeAt(e))) e++;
      ends.push(e);
      if (e + 1 < n && isSeparator(text.charCodeAt(e)) && isDigit(text.charCodeAt(e + 1))) e++;
      else break;
    }
    // From the end: whether every group after j has exactly three digits.
    const k = starts.length;
    const threesAfter: boolean[] = new Array(k).fill(false);
    for (let j = k - 2; j >= 0; j--) threesAfter[j] = ends[j + 1] - starts[j + 1] === 3 && (j + 1 === k - 1 || threesAfter[j + 1]);
    const decimal = (at: number) => {
      if (at + 1 < n && isPoint(text.charCodeAt(at)) && isDigit(text.charCodeAt(at + 1))) {
        let z = at + 1;
        while (z < n && isDigit(text.charCodeAt(z))) z++;
        return z;
      }
      return at;
    };
    for (let j = 0; j < k; j++) {
      const from = j === 0 && signed ? starts[j] - 1 : starts[j];
      const len = ends[j] - starts[j];
      if (len <= 3 && threesAfter[j]) {
        // Separated: the rest of the run.
        const to = decimal(ends[k - 1]);
        yield { index: from, text: text.slice(from, to) };
        i = to;
        break;
      }
      const to = j === k - 1 ? decimal(ends[j]) : ends[j];
      yield { index: from, text: text.slice(from, to) };
      i = to;
    }
  }
}
/** What in front of a sign makes it a range's dash, not a minus: a number, perhaps with 万/亿 and a unit (2016-2018, 6%－6.5%, 3万－5万人). */
const RANGE_BEFORE = new RegExp(`${DIGIT}[万亿]?(?:${UNITS.join('|')})?$`);
/** What in front of a number makes it no figure: an ordinal (第3批, and the 4 of 第3、4批 or 第3至5批) or a rate's denominator (每10万人口). */
const NOT_A_FIGURE = new RegExp(`(?:第(?:${DIGIT}+[、和及至到~～])*|每)$`);
/** Where a label stops, going back from the number (a sign too, so －0.5 leaves no － in a label). */
const BOUNDARY = /[，。；：、,;:！？!?（）()“”"《》〈〉【】[\]\s—…0-9０-９%％－−]/;
const LEADING =
  /^(?:预计|截至目前|目前|其中|全年|今年|去年|当年|本年度|年内|其中|全区|全市|全省|全国|我区|我市|累计|共计|总计|合计|共|已|均|并|先后|分别|依法|积极|全面|主动|成功|此外|另外)+/;
const VERBS =
  /^(?:收到|受理|办结|审结|审查|审核|出具|提供|开展|举办|组织|完成|新增|处理|化解|调解|培训|接待|发放|解答|归集|查处|立案|办理|参加|召开|制定|修订|清理|公布|发布|聘请|聘任|评查|抽查|检查|签订|录入|推出|实现|建成|设立|覆盖|帮助|挽回|减少|增加|培育|引进|投入|安排|下达|提出|调处)/;
const TRAILING =
  /(?:同比增长|同比下降|同比上升|同比减少|同比增加|比上年增长|比上年下降|比上年|同比|增长|下降|上升|提高|降低|减少|增加|达到|达|为|约|近|超过|逾|共|累计|计|有|是|占|分别|了|的|至|到|总数|总量|共有|合计|各)+$/;

function toAscii(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The value of a printed number: full-width digits, a sign, thousands separators. */
function parseNumber(s: string): number {
  return Number(
    toAscii(s)
      .replace(/[,，]/g, '')
      .replace(/^[－−]/, '-'),
  );
}

/** A scaled value without floating-point noise (1.005 × 10⁴ = 10049.999999999998 → 10050): 12 significant digits. */
function roundValue(v: number): number {
  return Number(v.toPrecision(12));
}

/** Where the noun of a run-on label starts: after 的, a filler or a verb (…作用全年共收到 行政复议申请, …为被告的 行政应诉案件). */
const INNER = new RegExp(
  `(?:的|预计|截至目前|目前|其中|全年|今年|去年|当年|本年度|年内|累计|共计|总计|合计|先后|分别|此外|另外|${VERBS.source.slice(4, -1)})`,
  'g',
);
/**
 * A date, time span or unit left at the start of a label by the number before it (2017年结余案件,
 * 8次对, 第3批试点, 第3季度完成项目, 用时3个月完成项目, 1.2万家企业): any unit, 万 or 亿 before it,
 * and the time words that are not units. Longest first so that 个月 goes before 个.
 */
const AFTER_NUMBER = new RegExp(
  `^[万亿]?(?:${[
    ...[
      '个工作日',
      '个季度',
      '个小时',
      '个星期',
      '个月',
      '季度',
      '年度',
      '年底',
      '年末',
      '月份',
      '月底',
      '月末',
      '工作日',
      '小时',
      '人民币',
      '年',
      '月',
      '日',
      '号',
      '底',
      '季',
      '天',
      '周',
    ],
    ...UNITS.filter((u) => /^[\u4e00-\u9fff]/.test(u)),
  ]
    .sort((a, b) => b.length - a.length)
    // A unit that starts another word (3条例) is not cut from that word.
    .map((w) => (NOT_BEFORE[w] ? `${w}(?!${NOT_BEFORE[w].source.slice(1)})` : w))
    .join('|')})`,
);
/** Labels that are only a preposition or a function word (对522宗): no label. */
const FUNCTION_WORD = /^(?:对|向|在|将|把|给|从|于|与|和|及|等|各|其|占|按|以|经|由|共|约|达|为|至|有)$/;
/** Longest label kept; a longer clause is a run-on with no noun to name the figure. */
const MAX_LABEL = 16;

/**
 * The label in front of a number: back to the clause boundary, less leading fillers and verbs and
 * trailing verbs. A long clause is cut after the last filler or verb inside it; one still longer
 * than MAX_LABEL, or a lone function word, gives no label ('').
 */
export function figureLabel(before: string): string {
  let i = before.length;
  while (i > 0 && !BOUNDARY.test(before[i - 1])) i--;
  let label = before.slice(i);
  if (i > 0 && /[0-9０-９]/.test(before[i - 1])) label = label.replace(AFTER_NUMBER, '');
  for (let k = 0; k < 3; k++) {
    const prev = label;
    label = label.replace(LEADING, '').replace(TRAILING, '');
    // A leading verb goes (收到 行政复议申请) unless it is the noun's own start (覆盖率).
    const noVerb = label.replace(VERBS, '');
    if (noVerb.length >= 2 && !/^率/.test(noVerb)) label = noVerb;
    // A run-on clause: keep what follows its last filler or verb (…作用全年共收到 行政复议申请).
    if (label.length > 8) {
      let cut = -1;
      INNER.lastIndex = 0;
      for (let m = INNER.exec(label); m; m = INNER.exec(label)) if (m.index > 0 && label.length - m.index - m[0].length >= 2) cut = m.index + m[0].length;
      if (cut > 0) label = label.slice(cut);
    }
    if (label === prev) break;
  }
  if (label.length > MAX_LABEL || FUNCTION_WORD.test(label)) return '';
  return /[\u4e00-\u9fffA-Za-z]/.test(label) ? label : '';
}

/** What stands between a figure and its share: 333宗，70.1% or 528宗，占58.2%. */
const SHARE = /^[，,、]?\s*(?:占|约占|占比)?$/;

/** Every figure in a text, in order. Never throws. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  for (const num of numbers(text)) {
    const m = [num.text];
    const start = num.index;
    let end = start + m[0].length;
    // Part of a longer token (a code, a date like 2016-11) or a list marker (1、)? Then not a figure.
    const prevChar = text[start - 1] ?? '';
    if (/[A-Za-z0-9０-９.．\-－−/]/.test(prevChar)) continue;
    // The end of a range (2016-2018, 6%－6.5%): a sign after a number is a dash; not a figure either.
    if (/^[-－−]/.test(m[0]) && RANGE_BEFORE.test(text.slice(Math.max(0, start - 12), start))) continue;
    if (NOT_A_FIGURE.test(text.slice(Math.max(0, start - 24), start))) continue;
    let value = parseNumber(m[0]);
    let rest = text.slice(end, end + 8);
    let scale = 1;
    if (/^[万亿](?!元)/.test(rest)) {
      scale = rest[0] === '万' ? 1e4 : 1e8;
      end += 1;
      rest = rest.slice(1);
    }
    const unit = UNITS.find((u) => rest.startsWith(u) && !NOT_BEFORE[u]?.test(rest.slice(u.length)));
    if (!unit) continue;
    end += unit.length;
    value = roundValue(value * scale);
    const prev = out[out.length - 1];
    const from = Math.max(0, start - 40, prev ? prev.end : 0);
    let label = figureLabel(text.slice(from, start));
    // 维持的528宗，占58.2%: an unlabelled share right after a labelled figure is that figure's share.
    if (!label && prev?.label && (unit === '%' || unit === '％') && SHARE.test(text.slice(prev.end, start))) label = `${prev.label}占比`;
    out.push({ label, value, unit: UNIT_AS[unit] ?? unit, text: text.slice(start, end), start, end });
  }
  return out;
}

/** Similarity of two labels: Dice over character bigrams (single characters for one-character labels). 0 to 1. */
export function labelSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const grams = (s: string) => {
    const g = new Map<string, number>();
    if (s.length === 1) g.set(s, 1);
    for (let i = 0; i + 1 < s.length; i++) g.set(s.slice(i, i + 2), (g.get(s.slice(i, i + 2)) ?? 0) + 1);
    return g;
  };
  const ga = grams(a);
  const gb = grams(b);
  let common = 0;
  let total = 0;
  for (const [k, n] of ga) {
    common += Math.min(n, gb.get(k) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total ? (2 * common) / total : 0;
}

/** A figure with where it came from. */
export interface PlacedFigure extends Figure {
  year: number;
  paragraphId: string;
}

interface FigureChange {
  /** The difference from the previous year's value, in the unit (percentage points for %). */
  absolute: number;
  /** The relative change in percent, when meaningful (not for % and 个百分点, not from 0; from a negative value, relative to its magnitude). */
  percent: number | null;
}

interface FigureCell {
  figure: PlacedFigure;
  /** The change from the previous year that has this row; null in the row's first year. */
  change: FigureChange | null;
}

interface FigureRow {
  label: string;
  unit: string;
  /** The group the row belongs to (an aligned section), as the caller named it. */
  group: string;
  /** One cell per year of the table, or null where that year has no matching figure. */
  cells: (FigureCell | null)[];
}

export interface FigureTable {
  years: number[];
  rows: FigureRow[];
}

export interface FigureGroup {
  /** A name for the group, e.g. the aligned section's title. */
  name: string;
  /** The figures of each year in this group. */
  byYear: Map<number, PlacedFigure[]>;
}

/** Least label similarity for two figures to be the same row. */
export const LABEL_THRESHOLD = 0.5;

/**
 * Do two labels name the same kind of thing? A Chinese noun phrase ends in its head: the last two
 * characters of one label must occur in the other (行政复议申请 and 全年行政复议申请 do; 行政复议申请 and
 * 行政复议告知, similar as they are, do not).
 */
export function sameHead(a: string, b: string): boolean {
  return b.includes(a.slice(-2)) || a.includes(b.slice(-2));
}

function change(prev: PlacedFigure, cur: PlacedFigure): FigureChange {
  const absolute = cur.value - prev.value;
  const ratio = cur.unit !== '%' && cur.unit !== '‰' && cur.unit !== '个百分点' && prev.value !== 0;
  return { absolute: Math.round(absolute * 1e6) / 1e6, percent: ratio ? Math.round((absolute / Math.abs(prev.value)) * 1e4) / 100 : null };
}

/**
 * The figures table: within each group (an aligned section or paragraph run), figures of the same
 * unit are matched from year to year by label similarity (the best pairs first, each figure
 * once; the labels' heads must agree, see sameHead); a figure with no match starts a row of its own. Figures with no label are left out.
 * `years` gives the columns, oldest first.
 */
export function figureTable(years: number[], groups: FigureGroup[]): FigureTable {
  const order = [...years].sort((a, b) => a - b);
  const rows: FigureRow[] = [];
  for (const g of groups) {
    const open: { row: FigureRow; last: PlacedFigure }[] = [];
    for (const year of order) {
      const figs = (g.byYear.get(year) ?? []).filter((f) => f.label);
      const pairs: { r: number; f: number; s: number }[] = [];
      open.forEach((o, r) =>
        figs.forEach((f, fi) => {
          if (o.last.unit !== f.unit || o.last.year === year) return;
          const s = labelSimilarity(o.last.label, f.label);
          if (s >= LABEL_THRESHOLD && sameHead(o.last.label, f.label)) pairs.push({ r, f: fi, s });
        }),
      );
      pairs.sort((x, y) => y.s - x.s || x.r - y.r || x.f - y.f);
      const usedRow = new Set<number>();
      const usedFig = new Set<number>();
      const col = years.indexOf(year);
      for (const p of pairs) {
        if (usedRow.has(p.r) || usedFig.has(p.f)) continue;
        usedRow.add(p.r);
        usedFig.add(p.f);
        const o = open[p.r];
        o.row.cells[col] = { figure: figs[p.f], change: change(o.last, figs[p.f]) };
        o.last = figs[p.f];
      }
      figs.forEach((f, fi) => {
        if (usedFig.has(fi)) return;
        const row: FigureRow = { label: f.label, unit: f.unit, group: g.name, cells: years.map(() => null) };
        row.cells[col] = { figure: f, change: null };
        rows.push(row);
        open.push({ row, last: f });
      });
    }
  }
  return { years: [...years], rows };
}
