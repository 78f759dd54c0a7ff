/**
 * Structure of a report body: parts (工作情况 / 工作计划), chapters (一、) and sections ((一)).
 *
 * Real reports are messy, so the parser works in two passes. The first pass (this file) decides
 * what each block is, keeping the numbering in sequence and repairing broken markers; the second
 * (outline.ts) builds the tree. Every repair is marked `inferred` and explained by an information
 * diagnostic.
 *
 * Before the walk, each block's marker is decided once (markers.ts): a table row has none, a
 * marker that labels table rows heads nothing, in a report with no chapter markers the lines that
 * fit its chapter pattern are chapters with no numeral, or short lines numbered 1, 2, 3 with no
 * separator are chapters, and a run of 一、二、 running into paragraphs before standalone headings
 * of the same numbers is a list.
 *
 * The first pass is a walk over the blocks, one named step per kind of marker: a part resets the
 * numbering (after chapters outside any part, only when the numbering starts again), a chapter is
 * checked against the sequence (a list item, a nested list, a misprint, a missing chapter), a
 * chapter with no numeral starts a chapter, a section is checked likewise within its chapter, and
 * the appendix at the end is a part of its own; then a last step restores a section lost after the
 * last marked one.
 */
import type { BlockRole, Severity } from '../model/index.ts';
import { diag, firstClause, leadSentence, type MessageCode, toChineseNumeral } from '../model/index.ts';
import { restoreLastSections, type SectionPass, unnumberedSections } from './sectionRepairs.ts';
import {
  type BlockDecision,
  body,
  classify,
  headingOf,
  isStandalone,
  markArabicChapters,
  markArabicSections,
  demoteInlineRuns,
  unmarkContents,
  unmarkTableLabels,
  markNumberedParts,
  listRunEnd,
  unmarkQuotedLists,
  markUnnumberedChapters,
  type Match,
  RE_CHAPTER,
  RE_CHAPTER_ZHANG,
  type StructureResult,
  stripEndPunct,
} from './markers.ts';

export interface StructureOptions {
  /** Blocks that are table rows: their 一、 labels a row, never a chapter. */
  tables?: readonly boolean[];
  /** The head of an appendix, glossary or notes block at the end: its own part, never chapters. */
  appendixFrom?: number | null;
  /** The heads of later appendices (附件2): each a part of its own. */
  appendixHeads?: readonly number[];
}

/** Decides the role of each block. `blocks` are cleaned, non-empty texts; `fixed` pre-marks closing/trailing blocks. */
export function parseStructure(blocks: string[], fixed: (BlockRole | null)[], options: StructureOptions = {}): StructureResult {
  return new StructureParser(blocks, fixed, options).run();
}

/**
 * A measured figure in a sentence (131.1亿元, 4.5%, 46.63万亩, 75亿元): a figure's sentence, no heading's words. A count is
 * none (实施10项民生实事, 3个方面: a heading's).
 */
const A_FIGURE = /[0-9０-９][.．][0-9０-９]|[0-9０-９]\s*(?:%|％|个百分点)|[0-9０-９]\s*(?:万|亿)?元/;

/** A block that ends a sentence (its last character; a test of the whole block with `$` would try every position). */
const endsSentence = (t: string) => /[。！？!?]/.test(t.slice(-1));

/** The decision of a body block, shared (never changed: a heading's decision is a new object). */
const BODY: BlockDecision = Object.freeze(body());
/** The decisions of pre-marked blocks (closing lines, trailing junk), shared the same way, one per role. */
const FIXED = new Map<BlockRole, BlockDecision>();
const fixedDecision = (role: BlockRole): BlockDecision => {
  let d = FIXED.get(role);
  if (!d) FIXED.set(role, (d = Object.freeze({ ...body(), role })));
  return d;
};

interface MarkerIndex {
  /** Blocks with a genuine marker, by type and number (`chapter3`), in order. */
  genuine: Map<string, number[]>;
  /** For each block, the next block with a part marker (or the end). */
  nextPart: Int32Array;
  /** For each block, the next block with a part or a genuine chapter marker (or the end). */
  nextStop: Int32Array;
}

/**
 * The expected next numbers of nested lists, one per level, with the deepest level that expects a
 * number found at once (a report may restart its list at 一 thousands of times).
 */
class Levels {
  private values: number[] = [];
  /** Levels by the number they expect, in increasing order. */
  private readonly at = new Map<number, number[]>();

  get size(): number {
    return this.values.length;
  }

  /** The deepest level that expects n, or -1. */
  find(n: number): number {
    const levels = this.at.get(n);
    return levels?.length ? levels[levels.length - 1] : -1;
  }

  push(n: number): void {
    const levels = this.at.get(n);
    if (levels) levels.push(this.values.length);
    else this.at.set(n, [this.values.length]);
    this.values.push(n);
  }

  /** Keeps the levels up to `level` and makes it expect n. */
  cut(level: number, n: number): void {
    while (this.values.length > level) {
      const v = this.values.pop()!;
      this.at.get(v)!.pop();
    }
    this.push(n);
  }

  clear(): void {
    this.values = [];
    this.at.clear();
  }
}

class StructureParser {
  private readonly decisions: BlockDecision[];
  private readonly diagnostics: StructureResult['diagnostics'] = [];
  /** What each block's marker is, decided once; the walk puts them in sequence. */
  private readonly marks: (Match | null)[];
  /** Whether the report numbers chapters in Chinese (then `4、` is a misprint, not a list); asked only when an Arabic marker turns up. */
  private cnChapters: number | null = null;

  private chapterExpected = 1;
  /** Block index of the current chapter heading. */
  private chapterIndex = -1;
  private chapterInline = false;
  private chapterFirstBody = -1;
  private chapterHasSections = false;
  /**
   * Whether the chapter's nested 一、 list (its first level) is its sections: a list that restarts at 一 right under a
   * heading standing alone, each item a heading of its own over its paragraphs (一、2022年主要措施 / 一、强化领导责任 / …).
   */
  private nestedAsSections = false;
  /** The last Arabic list number seen in this chapter (1、 2、 3、). */
  private lastDigit = 0;
  private sectionExpected = 1;
  /** Expected next number for each nested list level inside a chapter. */
  private readonly nested = new Levels();
  /** The same for (一) lists inside a section. */
  private readonly nestedSections = new Levels();
  /** Where the genuine markers are, and where each search for one stops: built on first use (see laterGenuine). */
  private index: MarkerIndex | null = null;
  private anyHeading = false;

  /** The head of the appendix, or the end: no heading is looked for from there. */
  private readonly appendixFrom: number;
  private readonly appendixHeads: ReadonlySet<number>;
  /** Whether a part heading has been seen; a part after chapters outside any part must restart their numbering. */
  private anyPart = false;
  /** Whether a section heading came before any chapter (the report's top level is （一）). */
  private sectionsFirst = false;
  /** Sections before the first chapter, outside any part: the report's divisions when a later one continues them. */
  private readonly leadSections: number[] = [];
  /** Sections after chapters that continue the run of leadSections ((三) after (一), (二) and chapters 一 to 十). */
  private readonly laterDivisions: number[] = [];
  /** The block after the last item of a list numbered 一、二、 under such a section (see listUnderSection). */
  private listUntil = -1;
  /** Rows of a table (cells joined by tabs, a label and its figures): never a heading. */
  private readonly tables: readonly boolean[];

  constructor(
    private readonly blocks: string[],
    private readonly fixed: (BlockRole | null)[],
    options: StructureOptions,
  ) {
    // One body decision for every block until the walk decides otherwise (a heading gets its own).
    this.decisions = new Array<BlockDecision>(blocks.length).fill(BODY);
    this.appendixFrom = options.appendixFrom ?? blocks.length;
    this.appendixHeads = new Set(options.appendixHeads ?? []);
    const tables = options.tables ?? [];
    this.tables = tables;
    this.marks = blocks.map((b, i) => (fixed[i] || tables[i] || i >= this.appendixFrom ? null : classify(b)));
    // A table of contents' entries and table labels head nothing (markers.ts).
    unmarkContents(blocks, this.marks, this.appendixFrom);
    unmarkTableLabels(blocks, this.marks, tables);
    unmarkQuotedLists(blocks, this.marks, this.appendixFrom);
    markNumberedParts(blocks, this.marks, this.appendixFrom);
    markUnnumberedChapters(blocks, this.marks, (i) => !!fixed[i] || !!tables[i], this.appendixFrom);
    markArabicChapters(blocks, this.marks, (i) => !!fixed[i] || !!tables[i], this.appendixFrom);
    markArabicSections(blocks, this.marks, (i) => !!fixed[i] || !!tables[i], this.appendixFrom);
    demoteInlineRuns(blocks, this.marks, this.appendixFrom);
  }

  run(): StructureResult {
    const { blocks, fixed, marks } = this;
    for (let i = 0; i < blocks.length; i++) {
      if (fixed[i]) {
        this.decisions[i] = fixedDecision(fixed[i]!);
        continue;
      }
      if (i === this.appendixFrom || this.appendixHeads.has(i)) {
        this.appendix(i);
        continue;
      }
      const m = marks[i];
      if (!m || m.type === 'list') this.asBody(i);
      else if (m.type === 'part') this.part(i, m);
      else if (m.type === 'chapter' && m.repair === 'unnumbered') this.unnumberedChapter(i);
      else if (m.type === 'chapter') this.chapter(i, m);
      else this.section(i, m);
    }
    // The sections a copy lost the markers or the bold of (sectionRepairs.ts).
    const pass: SectionPass = {
      blocks: this.blocks,
      decisions: this.decisions,
      fixed: this.fixed,
      marks: this.marks,
      tables: this.tables,
      setHeading: (...args) => this.setHeading(...args),
      info: (i, code, args) => this.info(i, code, args),
    };
    restoreLastSections(pass);
    unnumberedSections(pass);
    this.divisionsAsParts();
    if (!this.anyHeading) this.say('warning', null, 'noMarkers');
    return { decisions: this.decisions, diagnostics: this.diagnostics };
  }

  private say(severity: Severity, block: number | null, code: MessageCode, args: (string | number)[] = []): void {
    this.diagnostics.push({ diagnostic: diag(severity, code, args), block });
  }

  private info(block: number, code: MessageCode, args: (string | number)[] = []): void {
    this.say('info', block, code, args);
  }

  private warn(block: number, code: MessageCode, args: (string | number)[] = []): void {
    this.say('warning', block, code, args);
  }

  private usesChineseChapters(): boolean {
    if (this.cnChapters === null) {
      this.cnChapters = 0;
      for (const b of this.blocks) if (RE_CHAPTER.test(b) || RE_CHAPTER_ZHANG.test(b)) this.cnChapters++;
    }
    return this.cnChapters > 0;
  }

  /** A genuine (printed, unrepaired) marker of this type and number after block i, before the next part, or before the next chapter for sections. */
  private laterGenuine(i: number, type: 'chapter' | 'section', n: number): boolean {
    const index = this.markerIndex();
    const at = index.genuine.get(`${type}${n}`);
    if (!at) return false;
    const stop = type === 'chapter' ? index.nextPart[i] : index.nextStop[i];
    // The first genuine marker after i, by binary search: one lookup per question, not a scan to the end.
    let lo = 0;
    let hi = at.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (at[mid] <= i) lo = mid + 1;
      else hi = mid;
    }
    return lo < at.length && at[lo] < stop;
  }

  /** The marker index: the marks are final once the constructor is done; one backward pass. */
  private markerIndex(): MarkerIndex {
    if (this.index) return this.index;
    const { marks } = this;
    const genuine = new Map<string, number[]>();
    const nextPart = new Int32Array(marks.length);
    const nextStop = new Int32Array(marks.length);
    let part = marks.length;
    let stop = marks.length;
    for (let j = marks.length - 1; j >= 0; j--) {
      nextPart[j] = part;
      nextStop[j] = stop;
      const m = marks[j];
      if (!m) continue;
      if (m.type === 'part') part = stop = j;
      else if (m.type === 'chapter' && !m.repair) stop = j;
      if ((m.type === 'chapter' || m.type === 'section') && !m.repair && m.number !== null) {
        const key = `${m.type}${m.number}`;
        const list = genuine.get(key);
        if (list) list.push(j);
        else genuine.set(key, [j]);
      }
    }
    for (const list of genuine.values()) list.reverse();
    this.index = { genuine, nextPart, nextStop };
    return this.index;
  }

  private setHeading(
    i: number,
    role: 'chapter' | 'section',
    number: number | null,
    label: string | null,
    markerLength: number,
    inferred: boolean,
    whole = false,
  ): void {
    // (`whole`: the block is the heading, one sentence taken as a head whatever its length.)
    const h = whole
      ? { title: stripEndPunct(this.blocks[i].slice(markerLength)), headingLength: this.blocks[i].length, cut: false }
      : headingOf(this.blocks[i], markerLength);
    this.decisions[i] = { role, number, label, inferred, headingLength: h.headingLength, titleStart: markerLength, title: h.title };
    if (h.cut) {
      this.decisions[i].inferred = true;
      this.info(i, 'headingCut', [h.title]);
    }
    if (!h.title) {
      // A marker alone on its line (（一）): take the title from the next paragraph, when it opens with a heading's words
      // (short, no figure); a paragraph of figures after it (二、 / 全年粮食作物播种面积125.9万公顷，…; 一、 / 初步核算,全县地区生产
      // 总值131.1亿元,同比增长4.5%。: short, but a figure's sentence) is the chapter's text, and the page lost the title.
      const next = this.blocks[i + 1];
      const lead = next !== undefined && !this.marks[i + 1] ? stripEndPunct(next.slice(0, leadSentence(next).length)) : '';
      if (lead && (lead.length <= 30 || !/[0-9０-９]/.test(lead)) && !A_FIGURE.test(lead)) this.decisions[i].title = lead;
    }
    this.anyHeading = true;
  }

  private startChapter(i: number): void {
    this.chapterIndex = i;
    this.chapterInline = this.decisions[i].headingLength < this.blocks[i].length;
    this.chapterFirstBody = -1;
    this.chapterHasSections = false;
    this.nestedAsSections = false;
    this.lastDigit = 0;
    this.sectionExpected = 1;
    this.nested.clear();
    this.nestedSections.clear();
  }

  private asBody(i: number): void {
    if (this.chapterIndex >= 0 && this.chapterFirstBody < 0) this.chapterFirstBody = i;
  }

  /** The appendix, glossary or notes at the end: one part of its own; what follows is its body. */
  private appendix(i: number): void {
    const text = this.blocks[i];
    this.decisions[i] = {
      role: 'part',
      number: null,
      label: null,
      partKind: 'appendix',
      inferred: true,
      headingLength: text.length,
      titleStart: 0,
      title: stripEndPunct(headingOf(text, 0).title),
    };
    this.info(i, 'appendix', [this.decisions[i].title]);
    this.chapterIndex = -1;
  }

  /** A chapter heading with no numeral, in a report whose chapters have none (2024年工作回顾 standing alone). */
  private unnumberedChapter(i: number): void {
    this.setHeading(i, 'chapter', null, null, 0, true);
    this.info(i, 'unnumberedChapter', [this.decisions[i].title]);
    this.startChapter(i);
  }

  /** The next genuine chapter marker after block i, before the appendix: its number, or null. */
  private nextChapterNumber(i: number): number | null {
    // The first part or genuine chapter after i (the marks after the appendix's head are null).
    const j = this.markerIndex().nextStop[i];
    const m = this.marks[j];
    return j < this.appendixFrom && m?.type === 'chapter' && !m.repair ? m.number : null;
  }

  /** A part heading (工作情况, 工作计划): the chapter numbering starts again. */
  private part(i: number, m: Match): void {
    const text = this.blocks[i];
    // After chapters outside any part, a line that reads as a part heading (认真抓好11方面重点工作：)
    // opens a part only when the chapter numbering starts again after it.
    if (!this.anyPart && this.chapterIndex >= 0 && !/^\d{4}\s*年/.test(text) && this.nextChapterNumber(i) !== 1) {
      this.asBody(i);
      return;
    }
    this.anyPart = true;
    // A numbered division (第一部分 2022年工作情况) keeps its number and label, and its heading is read as a chapter's is
    // (its title before a run-in text, its spaces as a PDF or Word set them).
    const h = m.markerLength ? headingOf(text, m.markerLength) : null;
    this.decisions[i] = {
      role: 'part',
      number: m.number,
      label: m.label,
      partKind: m.partKind,
      inferred: false,
      headingLength: h ? h.headingLength : text.length,
      titleStart: m.markerLength,
      title: h ? h.title : stripEndPunct(text),
    };
    this.chapterExpected = 1;
    this.chapterIndex = -1;
    this.nested.clear();
    this.nestedSections.clear();
    this.sectionExpected = 1;
    this.anyHeading = true;
  }

  /** A chapter marker: a chapter, or a list item, a nested list, a misprint; a missing chapter before it is restored. */
  private chapter(i: number, m: Match): void {
    const { blocks } = this;
    const text = blocks[i];
    let n = m.number;
    if (m.repair === 'no-numeral') n = this.chapterExpected;
    if (m.repair === 'digit') {
      const d = n;
      // Arabic numbering is a list (1、 2、 3、 4、), unless the report numbers its chapters in
      // Chinese and this number is the next chapter's, with no genuine 四、 to come.
      // A number with a full stop (2.) is a list's item here: only markArabicSections and markArabicChapters make it a heading.
      const list =
        /\.$/.test(m.label ?? '') ||
        d !== this.chapterExpected ||
        this.lastDigit === (d ?? 0) - 1 ||
        !this.usesChineseChapters() ||
        this.laterGenuine(i, 'chapter', d ?? 0);
      this.lastDigit = d ?? 0;
      if (list) {
        this.asBody(i);
        return;
      }
    }
    // A numeral with no 、 that ends a sentence reads as a heading only when the chapter headings
    // before it end one too (三家企业获评…。 after 二、主要做法 is a sentence).
    const endsLikePrevious = this.chapterIndex >= 0 && !this.chapterInline && /[。！？!?]$/.test(blocks[this.chapterIndex]);
    const notAChapter =
      (m.repair === 'no-comma' && (n !== this.chapterExpected || (/[。！？!?]$/.test(text) && !endsLikePrevious) || this.laterGenuine(i, 'chapter', n ?? 0))) ||
      (m.repair === 'no-numeral' && this.laterGenuine(i, 'chapter', n ?? 0));
    if (notAChapter) {
      this.asBody(i);
      return;
    }
    if (n === null) return;
    if (i < this.listUntil || (!m.repair && this.listUnderSection(i, n))) {
      this.asBody(i);
      return;
    }
    if (this.chapterIndex >= 0 && !m.repair && this.nestedChapterItem(i, m, n)) return;
    // Arabic-numbered chapters were all found before the walk: a number missing among them is a
    // line lost in the source, not a heading to restore from the text.
    if (n === this.chapterExpected + 1 && m.repair !== 'arabic' && this.repairMissingChapter(i, this.chapterExpected)) this.chapterExpected++;
    if (n > this.chapterExpected) this.warn(i, 'chaptersMissing', [toChineseNumeral(n), toChineseNumeral(this.chapterExpected - 1)]);
    this.setHeading(i, 'chapter', n, m.repair === 'no-numeral' ? null : m.label, m.markerLength, !!m.repair);
    if (m.repair === 'digit') this.info(i, 'digitChapter', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'arabic') this.info(i, 'arabicChapter', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'no-comma') this.info(i, 'noCommaChapter', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'no-numeral') this.info(i, 'noNumeralChapter', [toChineseNumeral(n)]);
    this.chapterExpected = n + 1;
    this.startChapter(i);
  }

  /**
   * In a report whose top level is （一） (sections before any chapter: the 1985 national report's （一）关于经济形势),
   * a run of 一、二、三、 items right after one another, each a sentence of its own and one at least ending in ；, is a
   * list inside the section, not chapters: 一、合理调整…；二、适当提高…；. Records where the run ends.
   */
  private listUnderSection(i: number, n: number): boolean {
    if (!this.sectionsFirst || this.chapterIndex >= 0 || n !== 1) return false;
    const j = listRunEnd(this.blocks, this.marks, i, this.appendixFrom);
    if (j < 0) return false;
    this.listUntil = j;
    return true;
  }

  /** Inside a chapter, a restart at 一 opens a nested list; its items are not chapters. True when block i is such an item (or out of sequence). */
  private nestedChapterItem(i: number, m: Match, n: number): boolean {
    const { blocks, nested } = this;
    const text = blocks[i];
    const level = nested.find(n);
    // The next chapter's number continues the nested list too: it is the chapter when it has
    // the form of this chapter's heading (both stand alone or both run into their body, both
    // end a sentence or neither does) and no genuine marker with the same number comes later.
    const sameForm = isStandalone(text.slice(m.markerLength)) === !this.chapterInline && endsSentence(text) === endsSentence(blocks[this.chapterIndex]);
    if (level >= 0 && !(n === this.chapterExpected && sameForm && !this.laterGenuine(i, 'chapter', n))) {
      nested.cut(level, n + 1);
      if (level === 0 && this.nestedAsSections) this.nestedSection(i, m, n);
      else this.asBody(i);
      return true;
    }
    if (n === 1 && this.chapterExpected > 1) {
      nested.push(2);
      if (this.listHeadsChapter(i, m)) {
        this.nestedAsSections = true;
        this.info(i, 'nestedChapterSections', [stripEndPunct(blocks[this.chapterIndex])]);
        this.nestedSection(i, m, n);
      } else this.asBody(i);
      return true;
    }
    if (n < this.chapterExpected) {
      this.warn(i, 'outOfSequence', [m.label ?? '', toChineseNumeral(this.chapterExpected)]);
      this.asBody(i);
      return true;
    }
    return false;
  }

  /**
   * Whether the 一、 at block i, restarting the numbers inside a chapter, opens the chapter's sections: the chapter's
   * heading stands alone and the chapter has no sections yet (a lead paragraph may come between: 今年要着力抓好以下工作：);
   * the item stands alone too, and a paragraph follows it, as one follows its next item (一、2022年法治政府建设主要措施 / 一、强化领导责任… / text / 二、深化… /
   * text / 二、存在的问题). A list of one-line items (一、…。二、…。) stays the chapter's text.
   */
  private listHeadsChapter(i: number, m: Match): boolean {
    const { blocks, marks } = this;
    if (this.chapterInline || this.chapterHasSections) return false;
    const standsAlone = (k: number, length: number) => isStandalone(blocks[k].slice(length)) && !endsSentence(blocks[k]);
    if (!standsAlone(i, m.markerLength) || i + 1 >= blocks.length || marks[i + 1]) return false;
    // The next item, 二、, past the first item's paragraphs: a heading standing alone over a paragraph of its own.
    for (let k = i + 1; k < Math.min(blocks.length, this.appendixFrom); k++) {
      const next = marks[k];
      if (!next) continue;
      return next.type === 'chapter' && !next.repair && next.number === 2 && standsAlone(k, next.markerLength) && k + 1 < blocks.length && !marks[k + 1];
    }
    return false;
  }

  /** An item of a chapter's nested list that is its section (see listHeadsChapter). */
  private nestedSection(i: number, m: Match, n: number): void {
    this.setHeading(i, 'section', n, m.label, m.markerLength, false);
    this.sectionExpected = n + 1;
    this.chapterHasSections = true;
  }

  /**
   * A chapter with no marker at all before chapter `n`: find the paragraph that reads as its
   * heading. Best is a short line with no sentence end (深化“放管服”改革); next, in a chapter whose
   * heading runs into its body, the paragraph right after it when its first sentence is short.
   */
  private repairMissingChapter(upTo: number, n: number): boolean {
    const { blocks, chapterIndex } = this;
    if (chapterIndex < 0 || this.nested.size) return false;
    const candidates: number[] = [];
    for (let j = chapterIndex + 1; j < upTo; j++)
      if (this.decisions[j].role === 'body' && !this.fixed[j] && !this.marks[j] && !this.tables[j]) candidates.push(j);
    // A label next to another (行政复议行政诉讼 / 未经复议直接起诉…: a table's header cells as lines) is no heading.
    const label = (j: number) => j >= 0 && j < blocks.length && blocks[j].length <= 30 && !/[。！？!?；;，,：:]/.test(blocks[j]);
    const loose = (j: number) => this.decisions[j]?.role === 'body' && !this.marks[j] && (label(j) || !!this.tables[j]);
    const headingLike = candidates.find((j) => label(j) && !loose(j - 1) && !loose(j + 1));
    // In a chapter whose heading runs into its body, the paragraph right after it, when its first
    // clause reads as a heading: short, and no figures (全年召开会议12次 is body text).
    const next = blocks[chapterIndex + 1] ?? '';
    const clause = next.slice(0, firstClause(next));
    const inlineSibling =
      this.chapterInline && !this.chapterHasSections && candidates[0] === chapterIndex + 1 && clause.length <= 25 && !/[0-9０-９]/.test(clause)
        ? chapterIndex + 1
        : undefined;
    const j = inlineSibling ?? headingLike;
    if (j === undefined) return false;
    this.setHeading(j, 'chapter', n, null, 0, true);
    this.info(j, 'unmarkedChapter', [toChineseNumeral(n)]);
    return true;
  }

  /** A section marker: a section of the current chapter, or an item of a nested (一) list. */
  private section(i: number, m: Match): void {
    const { blocks, decisions } = this;
    let n = m.number;
    if (m.repair === 'broken') n = this.sectionExpected;
    if (n === null) return;
    if (!m.repair && this.chapterHasSections) {
      // A restart at (一) inside a chapter that has sections is a nested list, as for chapters.
      const level = this.nestedSections.find(n);
      if (level >= 0 && !(n === this.sectionExpected && !this.laterGenuine(i, 'section', n))) {
        this.nestedSections.cut(level, n + 1);
        return;
      }
      // A restart at (一) is a nested list, unless the line before it is a heading the parser did
      // not take as a chapter (存在问题及下一步打算): then it starts a new run of sections.
      const prevHeadingLike = i > 0 && decisions[i - 1].role === 'body' && blocks[i - 1].length <= 30 && !/[。，,；;：:！？]/.test(blocks[i - 1]);
      if (n === 1 && this.sectionExpected > 1 && !prevHeadingLike) {
        this.nestedSections.push(2);
        return;
      }
    }
    this.nestedSections.clear();
    if (this.chapterIndex < 0 && !this.anyHeading) this.sectionsFirst = true;
    // A division of the report's top level that continues the run before the first chapter ((一) 当前的经济形势, (二) …
    // 方针 with chapters 一 to 十, then (三) 我国经济发展的前景: the 1981 national report): no section of the chapter.
    const divisions = this.leadSections.length;
    if (divisions && this.chapterIndex >= 0 && !this.chapterHasSections && n === divisions + this.laterDivisions.length + 1 && !m.repair) {
      this.setHeading(i, 'section', n, m.label, m.markerLength, false);
      this.laterDivisions.push(i);
      return;
    }
    if (this.chapterIndex < 0 && !this.anyPart && this.sectionsFirst && n === this.leadSections.length + 1) this.leadSections.push(i);
    if (
      this.chapterIndex >= 0 &&
      n === 2 &&
      this.sectionExpected === 1 &&
      !this.chapterHasSections &&
      this.chapterFirstBody > this.chapterIndex &&
      !this.chapterInline &&
      // A table's row (its first cells under the heading) is no section.
      !this.tables[this.chapterFirstBody]
    ) {
      // (二) with no (一): the chapter's first paragraph is section 一.
      this.setHeading(this.chapterFirstBody, 'section', 1, null, 0, true);
      this.info(this.chapterFirstBody, 'unmarkedSection');
      this.sectionExpected = 2;
    }
    this.setHeading(i, 'section', n, m.repair === 'broken' ? null : m.label, m.markerLength, !!m.repair);
    if (m.repair === 'broken') this.info(i, 'brokenSection', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'no-open') this.info(i, 'noOpenSection', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'arabic') this.info(i, 'arabicSection', [m.label ?? '', toChineseNumeral(n)]);
    if (n !== this.sectionExpected && n !== 1) {
      if (this.sectionExpected > 1) this.warn(i, 'sectionSkips', [toChineseNumeral(n), toChineseNumeral(this.sectionExpected - 1)]);
      else this.warn(i, 'firstSectionSkips', [toChineseNumeral(n)]);
    }
    this.sectionExpected = n + 1;
    this.chapterHasSections = true;
  }

  /**
   * The sections before the first chapter and the later ones that continue their numbers are the report's divisions,
   * above its chapters: parts, so that the chapters between them nest in them. Only when a later one continues them;
   * else they are sections at the top level, as before.
   */
  private divisionsAsParts(): void {
    if (!this.laterDivisions.length) return;
    for (const i of [...this.leadSections, ...this.laterDivisions]) this.decisions[i] = { ...this.decisions[i], role: 'part', partKind: 'other' };
  }
}
