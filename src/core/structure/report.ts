/**
 * From a raw item (title, link, date, blocks of text) to a Report: metadata, the
 * read-only document text, content-derived paragraph ids and the outline.
 */
import type { BlockRole, Diagnostic, OutlineNode, Paragraph, RawItem, Report } from '../model/index.ts';
import { buildOutline } from './outline.ts';
import { parseStructure } from './parse.ts';
import { cleanBlock, detach, hash32, hex8, scanBlock, type BlockScan } from '../model/index.ts';
import { parseDate } from '../model/index.ts';
import { diag } from '../model/index.ts';

/** The title of the one part a report with no markers at all is shown as. */
export const FULL_TEXT = '全文';

/**
 * Strong signs of a licence footer (anywhere in a line) or of page chrome (a short line that
 * is only links: 【打印本页】【关闭窗口】, 分享到：微信 微博). A report sentence that shares its
 * experience (经验分享到全区) is not chrome.
 */
const LICENCE = /维基文库|Wikisource|^本作品|^Public domain/i;
const CHROME_LINE =
  /^[【[]?(?:打印本页|打印|关闭窗口|关闭|返回顶部|返回|收藏|分享到|扫一扫在手机上?打开当前页)[】\]]?(?:[:：\s].{0,20})?$|^(?:[【[][^】\]]{1,8}[】\]]\s*){2,}$|^字号[:：]?\s*[大中小]/;
/** A line made only of bracketed link items: 【字体：大 中 小】 【打印本页】 【关闭窗口】. */
const BRACKET_ITEMS = /^(?:[【[][^】\]]{1,12}[】\]]\s*){2,}$/;
const isJunk = (b: string) => LICENCE.test(b) || BRACKET_ITEMS.test(b) || (b.length <= 40 && CHROME_LINE.test(b));
const TINY_JUNK = /^(?:[0-9０-９]{1,3}|true|false|[、，。,.;；:：|\-—_·•*]+)$/i;
const CLOSING_DATE = /^[0-9０-９]{4}\s*年\s*[0-9０-９]{1,2}\s*月(?:\s*[0-9０-９]{1,2}\s*日?)?$/;
const CLOSING_ISSUER = /^[\u4e00-\u9fff（）()]{2,30}(?:人民政府|政府|委员会|办公室|办公厅|局|厅|委|办|院)$/;
/**
 * The opening organisation: the longest run of Chinese characters, with no digits or
 * punctuation, that ends with an organisation word (人民政府办公室, 国务院办公厅, 司法厅, 卫生健康局).
 * 法治政府 and words such as 格局 or 布局 do not end an organisation.
 */
const ISSUER =
  /^([\u4e00-\u9fff]{0,30}(?:人民政府办公室|人民政府办公厅|人民政府|人民代表大会常务委员会|委员会|办公厅|办公室|(?<!法治)政府(?!工作|信息|建设|采购|投资|债务|性)|国务院|(?<![格布大全结开面])局|(?<![大展])厅))/;
/** A place name that opens a title, right before the year or the topic. */
const ISSUER_BY_PLACE = /^([\u4e00-\u9fff]{1,12}?[省市区县州盟旗])(?=\s*(?:(?:19|20)\d{2}|关于|法治|依法|年度))/;
/** An issuer names a place, or is the State Council. */
const ISSUER_PLACE = /[省市区县州盟旗镇乡]|^国务院/;

/**
 * Cleans the blocks (cleanBlock, only where needed), drops empty ones, and re-joins a paragraph
 * that a source broke around a subscript or footnote: `（PM` / `2.5` / `）浓度…` becomes
 * `（PM2.5）浓度…`. Only when a block leaves a parenthesis open and, within three short fragments,
 * a block starts by closing it. Returns the blocks with their scans (hash for the paragraph id).
 */
function prepareBlocks(raw: readonly string[]): { blocks: string[]; scans: BlockScan[] } {
  const blocks: string[] = [];
  const scans: BlockScan[] = [];
  for (const r of raw) {
    let b = r;
    let sc = scanBlock(b);
    if (sc.dirty) {
      b = cleanBlock(b);
      sc = scanBlock(b);
    }
    if (!b) continue;
    blocks.push(b);
    scans.push(sc);
  }
  const outBlocks: string[] = [];
  const outScans: BlockScan[] = [];
  for (let i = 0; i < blocks.length; i++) {
    let cur = blocks[i];
    let sc = scans[i];
    while (sc.unclosed) {
      let j = i + 1;
      while (j < blocks.length && j - i <= 3 && blocks[j].length <= 12 && !/^[)）]/.test(blocks[j])) j++;
      if (j < blocks.length && /^[)）]/.test(blocks[j]) && j - i <= 4) {
        cur += blocks.slice(i + 1, j + 1).join('');
        sc = scanBlock(cur);
        i = j;
      } else break;
    }
    outBlocks.push(cur);
    outScans.push(sc);
  }
  return { blocks: outBlocks, scans: outScans };
}

/** Marks the closing lines (signature, date) and trailing junk at the end of a body. */
function markTail(blocks: string[]): { roles: (BlockRole | null)[]; junkFrom: number | null } {
  const roles: (BlockRole | null)[] = blocks.map(() => null);
  let end = blocks.length;
  let junkFrom: number | null = null;
  // A strong junk marker near the end, with nothing long after it, starts the trailing block.
  const from = Math.max(0, blocks.length - 60);
  for (let i = from; i < blocks.length; i++) {
    if (blocks[i].length < 300 && isJunk(blocks[i]) && blocks.slice(i + 1).every((b) => b.length < 120)) {
      junkFrom = i;
      break;
    }
  }
  if (junkFrom !== null) end = junkFrom;
  while (end > 0 && TINY_JUNK.test(blocks[end - 1])) end--;
  if (end < blocks.length) junkFrom = end;
  for (let i = end; i < blocks.length; i++) roles[i] = 'trailing';
  let closing = 0;
  for (let i = end - 1; i >= 0 && closing < 3; i--) {
    const b = blocks[i];
    if (b.length <= 30 && (CLOSING_DATE.test(b) || CLOSING_ISSUER.test(b))) {
      roles[i] = 'closing';
      closing++;
    } else break;
  }
  return { roles, junkFrom };
}

function findYear(
  title: string | null,
  blocks: string[],
  decisions: { role: BlockRole; partKind?: string; title: string }[],
  fileName: string | null,
  hasTitleLine: boolean,
): number | null {
  const valid = (y: number) => y >= 1949 && y <= 2100;
  if (title) {
    const m = /((?:19|20)\d{2})\s*年度/.exec(title) ?? /((?:19|20)\d{2})\s*年/.exec(title);
    if (m && valid(+m[1])) return +m[1];
  }
  for (const d of decisions) {
    if (d.role !== 'part') continue;
    const m = /^((?:19|20)\d{2})\s*年/.exec(d.title);
    if (!m) continue;
    if (d.partKind === 'review') return +m[1];
    if (d.partKind === 'plan') return +m[1] - 1;
  }
  if (!hasTitleLine && fileName) {
    const m = /(?:^|[^0-9])((?:19|20)\d{2})(?![0-9])/.exec(fileBase(fileName));
    if (m && valid(+m[1])) return +m[1];
  }
  for (const b of blocks.slice(0, 5)) {
    const m = /((?:19|20)\d{2})\s*年/.exec(b);
    if (m && valid(+m[1])) return +m[1];
  }
  return null;
}

/**
 * The issuer that opens a title: an organisation (佛山市南海区人民政府 in 佛山市南海区人民政府2018年度…报告,
 * …人民政府关于…, …人民政府法治政府建设工作报告), else a place name right before the year or the topic
 * (南海区 in 南海区2018年法治政府建设年度报告). A leading year is skipped; a title that opens with 关于 has no
 * issuer. It must name a place (省, 市, 区, 县…) or be the State Council, never crosses a year, and
 * 法治政府 is never an issuer.
 */
export function findIssuer(title: string | null): string | null {
  if (!title) return null;
  // A title that opens with 关于 names no issuer (关于印发…的通知).
  const t = title.replace(/^\s*(?:19|20)\d{2}\s*年度?\s*/, '');
  if (t.startsWith('关于')) return null;
  // The issuer stands before 关于, the year or the topic.
  const head = t.split(/关于|(?:19|20)\d{2}|年度|法治政府|依法行政|(?<!人民)政府工作|工作报告|工作总结|政务|信息公开/)[0];
  const gov = /^([\u4e00-\u9fff]{1,12}?[省市区县州盟旗])政府(?=工作|信息)/.exec(t);
  if (gov) return `${gov[1]}政府`;
  const org = ISSUER.exec(head);
  if (org && ISSUER_PLACE.test(org[1])) return org[1];
  const place = ISSUER_BY_PLACE.exec(t);
  // 我区, 全市, 本县 are no one's name.
  return place && !/^[我全本各][省市区县]$/.test(place[1]) ? place[1] : null;
}

/** The last part of a path or URI. */
const fileBase = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;

/** The file's name without its extension, for a title. */
function baseName(fileName: string | null): string | null {
  return fileName ? fileBase(fileName).replace(/\.[A-Za-z0-9]{1,5}$/, '') || null : null;
}

export interface BuildOptions {
  /** Take the year from the file name when the text has no title line (plain text only: a feed's items share one file). */
  yearFromFileName?: boolean;
}

/**
 * Builds a report from a raw item. `fileName` supplies the title when the item has none, and
 * the year too when `yearFromFileName` is set. The item's diagnostics are kept.
 */
export function buildReport(item: RawItem, fileName: string | null, options: BuildOptions = { yearFromFileName: true }): Report {
  const { blocks, scans } = prepareBlocks(item.blocks);
  const hasTitleLine = !!item.title;
  const title = detach(item.title ? cleanBlock(item.title) : (baseName(fileName) ?? 'Untitled report'));
  // Only web links: a `javascript:` or `data:` link from a hostile page is dropped.
  const link = item.link && /^https?:\/\//i.test(item.link.trim()) ? detach(item.link.trim()) : null;
  const diagnostics: Diagnostic[] = [...item.diagnostics];

  const tail = markTail(blocks);
  const structure = parseStructure(blocks, tail.roles);
  const year = findYear(hasTitleLine ? title : null, blocks, structure.decisions, options.yearFromFileName ? fileName : null, hasTitleLine);
  const issuer = findIssuer(hasTitleLine ? title : null);

  let published: string | null = null;
  if (item.date) {
    const d = parseDate(item.date);
    if (d) published = d;
    else diagnostics.push(diag('warning', 'invalidDate', [item.date.trim()], 1));
  }

  // The document: title line, metadata line, blank, then blocks separated by blank lines.
  const meta = [issuer ?? '—', year !== null ? String(year) : '—', published ?? '—', link ?? '—'].join(' · ');
  const head = `${title}\n${meta}\n`;
  const parts: string[] = [head];
  const lines: number[] = [];
  const offsets: number[] = [];
  let length = head.length;
  let line = 2;
  for (const b of blocks) {
    parts.push('\n', b, '\n');
    lines.push(line + 1);
    offsets.push(length + 1);
    length += b.length + 2;
    line += 2;
  }
  const text = parts.join('');
  const lineOf = (i: number) => lines[i] ?? 2;
  const offsetOf = (i: number) => offsets[i] ?? head.length;

  const seen = new Map<string, number>();
  const paragraphs: Paragraph[] = blocks.map((b, i) => {
    const key = hex8(scans[i].hash);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      id: n === 0 ? `p${key}` : `p${key}.${n}`,
      index: i,
      role: structure.decisions[i].role,
      // A slice of the document text: V8 shares the memory instead of keeping a second copy.
      text: text.slice(offsets[i], offsets[i] + b.length),
      line: lines[i],
      start: offsets[i],
      end: offsets[i] + b.length,
    };
  });

  for (const d of structure.diagnostics) {
    diagnostics.push({ ...d.diagnostic, line: d.block === null ? null : lineOf(d.block) });
  }
  if (tail.junkFrom !== null) {
    const count = blocks.length - tail.junkFrom;
    diagnostics.push(diag('info', 'trailing', [count], lineOf(tail.junkFrom)));
  }

  let lastContent = blocks.length - 1;
  while (lastContent > 0 && tail.roles[lastContent]) lastContent--;
  let outline: OutlineNode[] = buildOutline(structure.decisions, lineOf, offsetOf, Math.max(0, lastContent));
  if (outline.length === 0 && blocks.length > 0) {
    outline = [
      {
        kind: 'part',
        partKind: 'other',
        number: null,
        label: null,
        inferred: true,
        title: FULL_TEXT,
        line: lineOf(0),
        start: offsetOf(0),
        end: offsetOf(0) + blocks[0].length,
        endLine: lineOf(Math.max(0, lastContent)),
        paragraph: 0,
        children: [],
      },
    ];
  }
  if (blocks.length === 0) {
    diagnostics.push(diag('warning', 'emptyReport'));
  }

  // In document order; those about the whole report first.
  diagnostics.sort((a, b) => (a.line ?? -1) - (b.line ?? -1));
  const id = link ? `r${hash32(link)}` : `r${hash32(`${title}|${year ?? ''}`)}`;
  return { id, title, issuer, year, link, published, text, paragraphs, outline, diagnostics };
}
