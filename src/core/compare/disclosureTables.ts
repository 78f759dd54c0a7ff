/**
 * Figures of the standard tables of a 政府信息公开 annual report: the tables the State Council's template has set since
 * the 2019 reports (国办公开办函〔2019〕60号, revised for the 2021 reports by 国办公开办函〔2021〕30号), the same in every
 * report of every body. Their rows are known by name, their columns by position:
 *
 * - 二、主动公开政府信息情况: 规章 and (行政)规范性文件 with three counts (2021: 本年制发件数, 本年废止件数, 现行有效件数;
 *   2019: 本年新制作数量, 本年新公开数量, 对外公开总数量); 行政许可, 行政处罚, 行政强制 (and 2019's 其他对外管理服务事项)
 *   with 本年处理决定数量 (2019: the third of 上一年项目数量, 本年增/减, 处理决定数量); 行政事业性收费 with 本年收费金额
 *   in 万元 (2021).
 * - 三、收到和处理政府信息公开申请情况: each row (本年新收…申请数量, 予以公开, 1.属于国家秘密, …) counts by applicant, its
 *   last column the 总计, which is the sum of the others: a row is read only when it is.
 * - 四、行政复议、行政诉讼情况: fifteen counts, three groups of 结果维持, 结果纠正, 其他结果, 尚未审结 and 总计 (行政复议,
 *   行政诉讼 未经复议直接起诉, 复议后起诉), each total the sum of its four: read only when they are.
 *
 * Published, the tables come as a row a line (`规章 0 0 0`, a Markdown table's `| 行政处罚 | 1472 |`), as a cell a line (a
 * page whose table cells became paragraphs), or broken by a PDF's layout (a row's name over two lines, its numbers on a
 * third; the name's numbering and its group's name run into it: `（三）不 4.保护第三方合法权益 0 0 0 0 0 0 0`). A row's name
 * is found by its words wherever it stands, its numbers after it in the same paragraph or in the paragraphs right below.
 * Prose never reads as a row: a row's paragraph has no sentence's end and a name of at most 40 characters.
 */
import { simplified } from '../structure/index.ts';
import type { TableFigure } from './tables.ts';

/** A text the template's tables are in: one of their headers or rows. */
const TEMPLATE_CUE = /第二十条第|本年新收政府信息公开申请数量|勾稽关系|本年制发件数|本年新制作数量|本年处理决定数量|处理决定数量/;

/** A number cell, whole (0, 1472, 4068.208, -3, 1,234), or an empty one (-, —). */
const NUMBER_CELL = /^(?:[-+]?\d[\d,]*(?:\.\d+)?|[-—－–])$/;
/** A token that is a name and then a number run into it (行政许可0): the name in $1, the number in $2. */
const GLUED_NUMBER = /^(.*[\u4e00-\u9fff）)])([-+]?\d[\d,]*(?:\.\d+)?)$/;
/** A paragraph's tokens: what bars and spaces set apart. */
const TOKEN = /[^\s|｜]+/g;

type Table = 'active' | 'apply' | 'review';

/** A row of the 主动公开 table: its name and what its numbers are. */
interface ActiveRow {
  name: RegExp;
  label: string;
  kind: 'documents' | 'decisions' | 'fees';
}

const ACTIVE_ROWS: ActiveRow[] = [
  { name: /^规章$/, label: '规章', kind: 'documents' },
  { name: /^(?:行政)?规范性文件$/, label: '行政规范性文件', kind: 'documents' },
  { name: /^行政许可$/, label: '行政许可', kind: 'decisions' },
  { name: /^行政处罚$/, label: '行政处罚', kind: 'decisions' },
  { name: /^行政强制$/, label: '行政强制', kind: 'decisions' },
  { name: /^其他对外管理服务事项$/, label: '其他对外管理服务事项', kind: 'decisions' },
  { name: /^行政事业性收费$/, label: '行政事业性收费', kind: 'fees' },
];

/** The rows of the 申请 table, by words of their names (their numbering and groups' names may run into them). */
const APPLY_ROWS: { name: RegExp; label: string }[] = [
  { name: /本年新收.{0,8}申请数量/, label: '本年新收政府信息公开申请数量' },
  { name: /上年结转.{0,8}申请数量/, label: '上年结转政府信息公开申请数量' },
  { name: /^予以公开$/, label: '申请予以公开' },
  { name: /^部分公开/, label: '申请部分公开' },
  { name: /属于国家秘密/, label: '不予公开：属于国家秘密' },
  { name: /禁止公开|其他法律行政/, label: '不予公开：其他法律行政法规禁止公开' },
  { name: /三安全一稳定/, label: '不予公开：危及“三安全一稳定”' },
  { name: /第三方合法权益/, label: '不予公开：保护第三方合法权益' },
  { name: /三类内部事务/, label: '不予公开：属于三类内部事务信息' },
  { name: /四类过程性/, label: '不予公开：属于四类过程性信息' },
  { name: /行政执法案卷/, label: '不予公开：属于行政执法案卷' },
  { name: /行政查询事项/, label: '不予公开：属于行政查询事项' },
  { name: /不掌握相关/, label: '无法提供：本机关不掌握相关政府信息' },
  { name: /另行制作/, label: '无法提供：没有现成信息需要另行制作' },
  { name: /补正后/, label: '无法提供：补正后申请内容仍不明确' },
  { name: /信访举报投诉/, label: '不予处理：信访举报投诉类申请' },
  { name: /(?:^|不予处理)重复申请$/, label: '不予处理：重复申请' },
  { name: /公开出版物/, label: '不予处理：要求提供公开出版物' },
  { name: /大量反复/, label: '不予处理：无正当理由大量反复申请' },
  { name: /确认或重新出具/, label: '不予处理：要求行政机关确认或重新出具已获取信息' },
  { name: /逾期不补正/, label: '其他处理：申请人逾期不补正' },
  { name: /缴纳费用/, label: '其他处理：申请人逾期未缴纳费用' },
  { name: /^其他处理$/, label: '申请其他处理' },
  { name: /^总计$/, label: '申请办理结果总计' },
  { name: /结转下年度/, label: '结转下年度继续办理' },
];

const REVIEW_LABELS = ['行政复议', '行政诉讼（未经复议直接起诉）', '行政诉讼（复议后起诉）'].flatMap((g) =>
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'].map((c) => `${g}${c}`),
);

interface Cell {
  /** The paragraph's index in the run. */
  at: number;
  text: string;
  /** UTF-16 offsets in the paragraph (as the table reader's; reportFigures gives them in code points). */
  start: number;
  end: number;
  /** The value, or null for an empty cell (-). */
  value: number | null;
}

/**
 * A paragraph as a row: its name (numbering and spaces out) and its number cells, the tokens at its end that are numbers
 * (read token by token from the end: a pattern over the run of them could split a long run of digits every way).
 */
function row(text: string, at: number): { name: string; cells: Cell[] } {
  const tokens = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], index: m.index ?? 0 }));
  let k = tokens.length;
  while (k > 0 && NUMBER_CELL.test(tokens[k - 1].text)) k--;
  // A name with its first number run into it (行政许可0, as a PDF's text has it): the number is a cell.
  const glued = k > 0 ? GLUED_NUMBER.exec(tokens[k - 1].text) : null;
  let headEnd = k < tokens.length ? tokens[k].index : text.length;
  if (glued) {
    const t = tokens[k - 1];
    tokens.splice(k, 0, { text: glued[2], index: t.index + glued[1].length });
    headEnd = t.index + glued[1].length;
  }
  const head = text.slice(0, headEnd);
  const cells: Cell[] = [];
  for (const m of tokens.slice(k)) {
    if (m.index < headEnd) continue;
    const value = /\d/.test(m.text) ? Number(m.text.replace(/,/g, '')) : null;
    cells.push({ at, text: m.text, start: m.index, end: m.index + m.text.length, value });
  }
  return { name: rowName(head), cells };
}

/** A row's name: no bars, spaces, numbering (一、, （一）, 1., wherever they stand) or notes in brackets at its end. */
function rowName(head: string): string {
  return (
    simplified(head)
      .replace(/[|｜\s\u3000]+/g, '')
      .replace(/[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|(?<!\d)\d{1,2}[.．、](?!\d)/g, '')
      .replace(/[（(][^）)]*[)）]?$/, '')
      // A group's cell spanning its rows, run into the first (三、本年度办理结果 （一）予以公开).
      .replace(/^本年度办理结果/, '')
  );
}

/** Whether a paragraph may be a table's: no sentence, short. */
const tableLike = (text: string) => text.length <= 120 && !/[。；！？]/.test(text);

/**
 * The figures of the template's tables in a run of paragraphs (a report's, in order), by paragraph index; a paragraph
 * read as a table's cells is in the map (with [] when it gives no figure), and is no prose. Empty when the run has none
 * of the template's headers or rows.
 */
export function disclosureTableFigures(texts: readonly string[], ids: readonly string[] = []): Map<number, TableFigure[]> {
  const out = new Map<number, TableFigure[]>();
  if (!texts.some((t) => TEMPLATE_CUE.test(t))) return out;
  const joined = texts.join('\n');
  // The template's version, by the headers of its first table (2021: 本年制发件数…; 2019: 本年新制作数量…).
  const v2019 = /本年新制作数量|本年新公开数量|对外公开总数量/.test(joined) && !/本年制发件数|现行有效件数/.test(joined);
  const documentColumns = v2019 ? ['本年新制作数量', '本年新公开数量', '对外公开总数量'] : ['本年制发件数', '本年废止件数', '现行有效件数'];
  const emit = (cell: Cell, label: string, unit: string, sentence: string) => {
    if (cell.value === null) return;
    const list = out.get(cell.at) ?? [];
    list.push({
      label,
      value: cell.value,
      unit,
      text: cell.text,
      kind: 'result',
      start: cell.start,
      end: cell.end,
      sentence,
      paragraph: ids[cell.at] ?? '',
    });
    out.set(cell.at, list);
  };
  const consume = (at: number) => {
    if (!out.has(at)) out.set(at, []);
  };
  let table: Table | null = null;
  /** A row whose name stood alone: its numbers follow in the paragraphs below. */
  let pending: { name: string; at: number; cells: Cell[]; sentence: string } | null = null;
  let review: Cell[] = [];
  const finish = () => {
    if (pending) {
      read(pending.name, pending.cells, pending.sentence, pending.at);
      pending = null;
    }
  };
  const read = (name: string, cells: Cell[], sentence: string, at: number): boolean => {
    const active = ACTIVE_ROWS.find((r) => r.name.test(name));
    if (active && table !== 'apply' && table !== 'review') {
      consume(at);
      for (const c of cells) consume(c.at);
      if (active.kind === 'documents' && cells.length === 3) cells.forEach((c, k) => emit(c, `${active.label}${documentColumns[k]}`, '件', sentence));
      else if (active.kind === 'decisions' && (cells.length === 1 || cells.length === 3))
        emit(cells[cells.length - 1], `${active.label}处理决定数量`, '件', sentence);
      else if (active.kind === 'fees' && cells.length === 1 && !v2019) emit(cells[0], `${active.label}金额`, '万元', sentence);
      return true;
    }
    const apply = APPLY_ROWS.find((r) => r.name.test(name));
    if (apply && table !== 'review') {
      consume(at);
      for (const c of cells) consume(c.at);
      const values = cells.map((c) => c.value ?? 0);
      const total = values[values.length - 1];
      const rest = values.slice(0, -1).reduce((a, b) => a + b, 0);
      // The total is the sum of the applicants' columns: a row whose numbers do not add up was not read whole.
      if (cells.length >= 2 && Math.abs(total - rest) < 1e-9) emit(cells[cells.length - 1], apply.label, '件', sentence);
      return true;
    }
    return false;
  };
  const flushReview = () => {
    // Fifteen counts, each group's total the sum of its four.
    if (review.length === 15) {
      const ok = [0, 5, 10].every((g) => {
        const v = review.slice(g, g + 5).map((c) => c.value ?? 0);
        return Math.abs(v[0] + v[1] + v[2] + v[3] - v[4]) < 1e-9;
      });
      if (ok) review.forEach((c, k) => emit(c, REVIEW_LABELS[k], '件', '政府信息公开行政复议、行政诉讼情况'));
    }
    review = [];
  };
  for (let at = 0; at < texts.length; at++) {
    const text = texts[at];
    const plain = simplified(text).replace(/\s+/g, '');
    // The tables' chapters, by their headings or their headers.
    // (A sentence that cites the 条例's article or the table's check, …第二十条第（一）项至第（八）项规定，全年主动公开…, is prose.)
    // A row label that opens a paragraph however long (第二十条第（一）项22（其中修订16件）…: a PDF's lines run together) is one.
    if (/主动公开政府信息情况$|^第二十条第/.test(plain) || (tableLike(text) && /第二十条第/.test(plain))) {
      finish();
      table = 'active';
      consume(at);
      continue;
    }
    if (/收到和处理政府信息公开申请情况$|^[（(]?本列数据的勾稽关系/.test(plain) || (tableLike(text) && /勾稽关系/.test(plain))) {
      finish();
      table = 'apply';
      consume(at);
      continue;
    }
    if (/行政复议[、和及]?行政诉讼情况$/.test(plain) || (table === 'apply' && /^行政复议/.test(plain))) {
      finish();
      table = 'review';
      review = [];
      consume(at);
      continue;
    }
    // A note under a table (注：行政复议、行政诉讼数量含上年度结转数量。) keeps it.
    if (table && /^\s*注[:：]/.test(text)) {
      consume(at);
      continue;
    }
    if (!tableLike(text)) {
      finish();
      if (table === 'review') flushReview();
      // Prose ends the tables (五、存在的主要问题…, a chapter's paragraphs).
      if (table) table = null;
      continue;
    }
    if (!table) continue;
    const r = row(text, at);
    if (table === 'review') {
      if (r.name && /[一二三四五六七八九十]、/.test(text) && !/行政|复议|诉讼|结果|审结|总计|起诉/.test(r.name)) {
        flushReview();
        table = null;
        continue;
      }
      for (const c of r.cells) {
        review.push(c);
        consume(c.at);
      }
      consume(at);
      // Its fifteen counts read, the table is over: what follows is the report's (（五）存在的主要问题… / 全年共收到群众来信12件).
      if (review.length >= 15) {
        flushReview();
        table = null;
      }
      continue;
    }
    if (!r.name && r.cells.length) {
      // Numbers alone: the pending row's.
      if (pending) {
        pending.cells.push(...r.cells);
        consume(at);
        const done = table === 'active' ? pending.cells.length >= 3 : false;
        if (done) finish();
      }
      continue;
    }
    if (
      pending &&
      !r.cells.length &&
      !pending.cells.length &&
      r.name.length <= 20 &&
      !ACTIVE_ROWS.some((x) => x.name.test(r.name)) &&
      !APPLY_ROWS.some((x) => x.name.test(r.name))
    ) {
      // The rest of the pending row's name, broken over lines (…只计这一情 / 形，不计其他情形）).
      consume(at);
      continue;
    }
    finish();
    if (!r.name || r.name.length > 40) continue;
    if (r.cells.length) read(r.name, r.cells, text, at);
    else if (ACTIVE_ROWS.some((x) => x.name.test(r.name)) || APPLY_ROWS.some((x) => x.name.test(r.name)))
      pending = { name: r.name, at, cells: [], sentence: text };
  }
  finish();
  if (table === 'review') flushReview();
  return out;
}
