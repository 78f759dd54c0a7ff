/**
 * Figures in report text: a number with its unit (918宗, 40.5%, 3486.57万元, 1.2万人次, 2个百分点)
 * and the label in front of it (行政复议申请, 综合纠错率, 法律意见), matched across the years by
 * label similarity, and laid out as a table with the change from year to year.
 *
 * Numbers may use full-width digits and decimal points; 万 and 亿 before a unit other than 元
 * multiply the value (1.2万件 → 12000 件), while 万元 and 亿元 are units of their own. Numbers
 * written in Chinese numerals (一千二百宗) and numbers without a unit (years, dates, 第一) are not
 * figures here.
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

/** Units, longest first so that 人次 wins over 人 and 个百分点 over 个. */
const UNITS = [
  '个百分点', '百分点', '平方公里', '平方米', '万元', '亿元', '人次', '户次', '件次', '公里', '千米', '万亩', '%', '％', '‰',
  '宗', '件', '人', '个', '项', '份', '次', '场', '家', '条', '篇', '所', '户', '元', '吨', '亩', '倍', '批', '期', '起', '台', '套', '座', '类', '种', '名', '位', '支', '本', '册', '张', '宗次',
].sort((a, b) => b.length - a.length);

const NUMBER = /[0-9０-９]+(?:[.．][0-9０-９]+)?/g;
/** Where a label stops, going back from the number. */
const BOUNDARY = /[，。；：、,;:！？!?（）()“”"《》〈〉【】\[\]\s—…0-9０-９%％]/;
const LEADING = /^(?:预计|截至目前|目前|其中|全年|今年|去年|当年|本年度|年内|其中|全区|全市|全省|全国|我区|我市|累计|共计|总计|合计|共|已|均|并|先后|分别|依法|积极|全面|主动|成功|此外|另外)+/;
const VERBS = /^(?:收到|受理|办结|审结|审查|审核|出具|提供|开展|举办|组织|完成|新增|处理|化解|调解|培训|接待|发放|解答|归集|查处|立案|办理|参加|召开|制定|修订|清理|公布|发布|聘请|聘任|评查|抽查|检查|签订|录入|推出|实现|建成|设立|覆盖|帮助|挽回|减少|增加|培育|引进|投入|安排|下达)/;
const TRAILING = /(?:同比增长|同比下降|同比上升|同比减少|同比增加|比上年增长|比上年下降|比上年|同比|增长|下降|上升|提高|降低|减少|增加|达到|达|为|约|近|超过|逾|共|累计|计|有|是|占|分别|了|的|至|到|总数|总量|共有|合计)+$/;

function toAscii(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

/** The label in front of a number: back to the clause boundary, less leading fillers and verbs and trailing verbs. */
export function figureLabel(before: string): string {
  let i = before.length;
  while (i > 0 && !BOUNDARY.test(before[i - 1])) i--;
  let label = before.slice(i);
  for (let k = 0; k < 3; k++) {
    const prev = label;
    label = label.replace(LEADING, '').replace(TRAILING, '');
    // A leading verb goes (收到 行政复议申请) unless it is the noun's own start (覆盖率).
    const noVerb = label.replace(VERBS, '');
    if (noVerb.length >= 2 && !/^率/.test(noVerb)) label = noVerb;
    if (label === prev) break;
  }
  // A long run-on clause: keep its end, where the noun before the number is.
  if (label.length > 16) label = label.slice(label.length - 16);
  return /[\u4e00-\u9fffA-Za-z]/.test(label) ? label : '';
}

/** Every figure in a text, in order. Never throws. */
export function extractFigures(text: string): Figure[] {
  const out: Figure[] = [];
  NUMBER.lastIndex = 0;
  for (let m = NUMBER.exec(text); m; m = NUMBER.exec(text)) {
    const start = m.index;
    let end = start + m[0].length;
    // Part of a longer token (a code, a date like 2016-11) or a list marker (1、)? Then not a figure.
    const prevChar = text[start - 1] ?? '';
    if (/[A-Za-z0-9０-９.．\-/]/.test(prevChar)) continue;
    let value = Number(toAscii(m[0]));
    let rest = text.slice(end, end + 6);
    let scale = 1;
    if (/^[万亿](?!元)/.test(rest)) {
      scale = rest[0] === '万' ? 1e4 : 1e8;
      end += 1;
      rest = rest.slice(1);
    }
    const unit = UNITS.find((u) => rest.startsWith(u));
    if (!unit) continue;
    end += unit.length;
    value *= scale;
    const label = figureLabel(text.slice(Math.max(0, start - 40), start));
    out.push({ label, value, unit: unit === '％' ? '%' : unit === '百分点' ? '个百分点' : unit, text: text.slice(start, end), start, end });
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

export interface FigureChange {
  /** The difference from the previous year's value, in the unit (percentage points for %). */
  absolute: number;
  /** The relative change in percent, when meaningful (not for % and 个百分点, not from 0). */
  percent: number | null;
}

export interface FigureCell {
  figure: PlacedFigure;
  /** The change from the previous year that has this row; null in the row's first year. */
  change: FigureChange | null;
}

export interface FigureRow {
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

function change(prev: PlacedFigure, cur: PlacedFigure): FigureChange {
  const absolute = cur.value - prev.value;
  const ratio = cur.unit !== '%' && cur.unit !== '‰' && cur.unit !== '个百分点' && prev.value !== 0;
  return { absolute: Math.round(absolute * 1e6) / 1e6, percent: ratio ? Math.round((absolute / prev.value) * 1e4) / 100 : null };
}

/**
 * The figures table: within each group (an aligned section or paragraph run), figures of the same
 * unit are matched from year to year by label similarity (the best pairs first, each figure
 * once); a figure with no match starts a row of its own. Figures with no label are left out.
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
          if (s >= LABEL_THRESHOLD) pairs.push({ r, f: fi, s });
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
