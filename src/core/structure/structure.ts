/**
 * Structure of a report body: parts (工作情况 / 工作计划), chapters (一、) and sections ((一)).
 *
 * Real reports are messy, so the parser works in two passes. The first pass decides what each
 * block is, keeping the numbering in sequence and repairing broken markers; the second builds
 * the tree. Every repair is marked `inferred` and explained by an information diagnostic.
 */
import type { BlockRole, Diagnostic, OutlineNode, PartKind, Severity } from '../model/index.ts';
import { detach, firstClause, leadSentence, parseNumeral, toChineseNumeral } from '../model/index.ts';
import { diag, type MessageCode } from '../model/index.ts';

export interface BlockDecision {
  role: BlockRole;
  number: number | null;
  label: string | null;
  partKind?: PartKind;
  inferred: boolean;
  /** Length (UTF-16) of the heading at the start of the block; the rest is its body. */
  headingLength: number;
  /** Offset of the title inside the block (after the label). */
  titleStart: number;
  title: string;
}

export interface StructureResult {
  decisions: BlockDecision[];
  /** Diagnostics with the index of the block they concern (or null). */
  diagnostics: { diagnostic: Diagnostic; block: number | null }[];
}

const CN = '[一二三四五六七八九十]{1,3}';
const RE_CHAPTER = new RegExp(`^(${CN})\\s*[、，,．.]\\s*`);
const RE_CHAPTER_ZHANG = new RegExp(`^第\\s*(${CN})\\s*(章|部分|篇)[\\s、：:．.]*`);
const RE_LIST_DI = new RegExp(`^第(${CN})[、，,．.：:]`);
const RE_CHAPTER_DIGIT = /^([0-9０-９]{1,2})\s*[、，．]\s*/;
const RE_CHAPTER_NO_COMMA = new RegExp(`^(${CN})(?=[\\u4e00-\\u9fff“"])`);
const RE_CHAPTER_NO_NUMERAL = /^[、，]\s*(?=[\u4e00-\u9fff“"])/;
const RE_SECTION = new RegExp(`^[（(]\\s*(${CN})\\s*[)）]\\s*`);
const RE_SECTION_NO_OPEN = new RegExp(`^(${CN})[)）]\\s*`);
const RE_SECTION_BROKEN = /^[)）]\s*(?=[\u4e00-\u9fff“"《])/;
const RE_PART_REVIEW = /^(?:(\d{4})\s*年度?)?[^。，,；;：:]{0,30}?(?:工作情况|工作总结|工作回顾|主要工作|工作开展情况|工作完成情况)[:：]?$/;
const RE_PART_PLAN = /^(?:(\d{4})\s*年度?)?[^。，,；;：:]{0,30}?(?:工作计划|工作安排|重点工作|工作打算|工作思路|工作设想|主要任务)[:：]?$/;
/** Words that follow a leading numeral in ordinary sentences (一是, 三农, 十三五…), never a heading. */
const NOT_AFTER_NUMERAL = /^(是|方面|些|个|批|项|年|月|日|直|定|起|体|切|般|致|线|级|次|种|条|份|大|要|同|道|农|五|六|七|八|九|十|中|号|块|期|轮|届|元|度|倍|成|半|站|网|门|窗|口|环|带|区|室|所|队|点|链|化|律|手|把|单|以|进|张|把|流|层)/;

/** How official headings open: with a verb of action (加强, 推进, 切实做好…). */
const HEADING_VERB = /^(?:加强|推进|完善|落实|深化|切实|健全|提升|提高|强化|规范|创新|开展|做好|建立|构建|坚持|全面|积极|大力|着力|扎实|持续|进一步|严格|加快|推动|优化|抓好|注重|狠抓|突出|统筹)/;

function isStandalone(rest: string): boolean {
  if (rest.length > 50) return false;
  const inner = rest.replace(/[。．.！!？?]$/, '');
  return !/[。！？!?；;]/.test(inner);
}

/** A heading's title: no trailing punctuation, and a copy that does not keep the source text alive. */
function stripEndPunct(s: string): string {
  return detach(s.replace(/[。．.，,；;：:\s]+$/, ''));
}

interface Match {
  type: 'chapter' | 'section' | 'part' | 'list';
  number: number | null;
  label: string | null;
  markerLength: number;
  repair?: 'digit' | 'no-comma' | 'no-numeral' | 'no-open' | 'broken';
  partKind?: PartKind;
}

/** First characters a marker can start with; any other block longer than a part heading is a body paragraph. */
const MARKER_START = /^[（(一二三四五六七八九十第0-9０-９、，)）]/;

function classify(text: string): Match | null {
  if (text.length > 40 && !MARKER_START.test(text)) return null;
  let m: RegExpExecArray | null;
  if ((m = RE_SECTION.exec(text))) {
    return { type: 'section', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length };
  }
  if ((m = RE_CHAPTER_ZHANG.exec(text))) {
    return { type: 'chapter', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length };
  }
  if (RE_LIST_DI.test(text)) return { type: 'list', number: null, label: null, markerLength: 0 };
  if ((m = RE_CHAPTER.exec(text))) {
    const n = parseNumeral(m[1]);
    if (n !== null && n <= 20) return { type: 'chapter', number: n, label: m[0].trim(), markerLength: m[0].length };
  }
  if ((m = RE_SECTION_NO_OPEN.exec(text))) {
    return { type: 'section', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length, repair: 'no-open' };
  }
  if ((m = RE_SECTION_BROKEN.exec(text))) {
    return { type: 'section', number: null, label: m[0].trim(), markerLength: m[0].length, repair: 'broken' };
  }
  if ((m = RE_CHAPTER_DIGIT.exec(text))) {
    return { type: 'chapter', number: parseNumeral(m[1]), label: m[0].trim(), markerLength: m[0].length, repair: 'digit' };
  }
  if ((m = RE_CHAPTER_NO_NUMERAL.exec(text))) {
    return { type: 'chapter', number: null, label: m[0].trim(), markerLength: m[0].length, repair: 'no-numeral' };
  }
  if ((m = RE_CHAPTER_NO_COMMA.exec(text))) {
    const n = parseNumeral(m[1]);
    const after = text.slice(m[0].length);
    if (n !== null && n >= 2 && n <= 20 && !NOT_AFTER_NUMERAL.test(after) && isStandalone(after)) {
      return { type: 'chapter', number: n, label: m[0], markerLength: m[0].length, repair: 'no-comma' };
    }
  }
  if (text.length <= 40 && !/[。！？]/.test(text)) {
    if ((m = RE_PART_REVIEW.exec(text)) && (m[1] || text.length <= 16)) {
      return { type: 'part', number: null, label: null, markerLength: 0, partKind: 'review' };
    }
    if ((m = RE_PART_PLAN.exec(text)) && (m[1] || text.length <= 16)) {
      return { type: 'part', number: null, label: null, markerLength: 0, partKind: 'plan' };
    }
  }
  return null;
}

function body(): BlockDecision {
  return { role: 'body', number: null, label: null, inferred: false, headingLength: 0, titleStart: 0, title: '' };
}

/** Title and heading length for a heading block whose marker is `markerLength` long. */
function headingOf(text: string, markerLength: number): { title: string; headingLength: number; cut: boolean } {
  const rest = text.slice(markerLength);
  if (isStandalone(rest)) return { title: stripEndPunct(rest), headingLength: text.length, cut: false };
  const lead = leadSentence(rest);
  return { title: stripEndPunct(rest.slice(0, lead.length)), headingLength: markerLength + lead.length, cut: lead.cut };
}

/** Decides the role of each block. `blocks` are cleaned, non-empty texts; `roles` pre-marks closing/trailing blocks. */
export function parseStructure(blocks: string[], fixed: (BlockRole | null)[]): StructureResult {
  const decisions: BlockDecision[] = blocks.map(() => body());
  const diagnostics: StructureResult['diagnostics'] = [];
  const say = (severity: Severity, block: number | null, code: MessageCode, args: (string | number)[] = []) =>
    diagnostics.push({ diagnostic: diag(severity, code, args), block });
  const info = (block: number, code: MessageCode, args: (string | number)[] = []) => say('info', block, code, args);
  const warn = (block: number, code: MessageCode, args: (string | number)[] = []) => say('warning', block, code, args);

  // Does this report use Chinese numerals for chapters? Then `4、` is a misprint, not a list.
  // Asked only when an Arabic marker turns up, which is rare.
  let cnChapters: number | null = null;
  const usesChineseChapters = () => {
    if (cnChapters === null) {
      cnChapters = 0;
      for (const b of blocks) if (RE_CHAPTER.test(b) || RE_CHAPTER_ZHANG.test(b)) cnChapters++;
    }
    return cnChapters > 0;
  };

  // What each block's marker is, decided once; the loop below puts them in sequence.
  const marks = blocks.map((b, i) => (fixed[i] ? null : classify(b)));
  /** A genuine (printed, unrepaired) marker of this type and number after block i, before the next part, or before the next chapter for sections. */
  const laterGenuine = (i: number, type: 'chapter' | 'section', n: number): boolean => {
    for (let j = i + 1; j < blocks.length; j++) {
      const mj = marks[j];
      if (!mj) continue;
      if (mj.type === 'part' || (type === 'section' && mj.type === 'chapter' && !mj.repair)) return false;
      if (mj.type === type && !mj.repair && mj.number === n) return true;
    }
    return false;
  };

  let chapterExpected = 1;
  let chapterIndex = -1; // block index of the current chapter heading
  let chapterInline = false;
  let chapterFirstBody = -1;
  let chapterHasSections = false;
  let lastDigit = 0; // the last Arabic list number seen in this chapter (1、 2、 3、)
  let sectionExpected = 1;
  let nested: number[] = []; // expected next number for each nested list level inside a chapter
  let nestedSections: number[] = []; // the same for (一) lists inside a section
  let anyHeading = false;

  const setHeading = (
    i: number,
    role: 'chapter' | 'section',
    number: number | null,
    label: string | null,
    markerLength: number,
    inferred: boolean,
  ) => {
    const h = headingOf(blocks[i], markerLength);
    decisions[i] = { role, number, label, inferred, headingLength: h.headingLength, titleStart: markerLength, title: h.title };
    if (h.cut) {
      decisions[i].inferred = true;
      info(i, 'headingCut', [h.title]);
    }
    if (!h.title) {
      // A marker alone on its line (（一）): take the title from the next paragraph.
      const next = blocks[i + 1];
      if (next !== undefined && !marks[i + 1]) decisions[i].title = stripEndPunct(next.slice(0, leadSentence(next).length));
    }
    anyHeading = true;
  };

  const startChapter = (i: number) => {
    chapterIndex = i;
    chapterInline = decisions[i].headingLength < blocks[i].length;
    chapterFirstBody = -1;
    chapterHasSections = false;
    lastDigit = 0;
    sectionExpected = 1;
    nested = [];
    nestedSections = [];
  };

  /**
   * A chapter with no marker at all before chapter `n`: find the paragraph that reads as its
   * heading. Best is a short line with no sentence end (深化“放管服”改革); next, in a chapter whose
   * heading runs into its body, the paragraph right after it when its first sentence is short.
   */
  const repairMissingChapter = (upTo: number, n: number): boolean => {
    if (chapterIndex < 0 || nested.length) return false;
    const candidates: number[] = [];
    for (let j = chapterIndex + 1; j < upTo; j++) if (decisions[j].role === 'body' && !fixed[j] && !marks[j]) candidates.push(j);
    const headingLike = candidates.find((j) => blocks[j].length <= 30 && !/[。！？!?；;，,：:]/.test(blocks[j]));
    // In a chapter whose heading runs into its body, the paragraph right after it, when its first
    // clause reads as a heading: short, and no figures (全年召开会议12次 is body text).
    const next = blocks[chapterIndex + 1] ?? '';
    const clause = next.slice(0, firstClause(next));
    const inlineSibling =
      chapterInline && !chapterHasSections && candidates[0] === chapterIndex + 1 && clause.length <= 25 && !/[0-9０-９]/.test(clause)
        ? chapterIndex + 1
        : undefined;
    const j = inlineSibling ?? headingLike;
    if (j === undefined) return false;
    setHeading(j, 'chapter', n, null, 0, true);
    info(j, 'unmarkedChapter', [toChineseNumeral(n)]);
    return true;
  };

  const asBody = (i: number) => {
    if (chapterIndex >= 0 && chapterFirstBody < 0) chapterFirstBody = i;
  };

  for (let i = 0; i < blocks.length; i++) {
    if (fixed[i]) {
      decisions[i] = { ...body(), role: fixed[i]! };
      continue;
    }
    const text = blocks[i];
    const m = marks[i];
    if (!m || m.type === 'list') {
      asBody(i);
      continue;
    }
    if (m.type === 'part') {
      decisions[i] = { role: 'part', number: null, label: null, partKind: m.partKind, inferred: false, headingLength: text.length, titleStart: 0, title: stripEndPunct(text) };
      chapterExpected = 1;
      chapterIndex = -1;
      nested = [];
      nestedSections = [];
      sectionExpected = 1;
      anyHeading = true;
      continue;
    }
    if (m.type === 'chapter') {
      let n = m.number;
      if (m.repair === 'no-numeral') n = chapterExpected;
      if (m.repair === 'digit') {
        const d = n;
        // Arabic numbering is a list (1、 2、 3、 4、), unless the report numbers its chapters in
        // Chinese and this number is the next chapter's, with no genuine 四、 to come.
        const list = d !== chapterExpected || lastDigit === (d ?? 0) - 1 || !usesChineseChapters() || laterGenuine(i, 'chapter', d ?? 0);
        lastDigit = d ?? 0;
        if (list) {
          asBody(i);
          continue;
        }
      }
      // A numeral with no 、 that ends a sentence reads as a heading only when the chapter headings
      // before it end one too (三家企业获评…。 after 二、主要做法 is a sentence).
      const endsLikePrevious = chapterIndex >= 0 && !chapterInline && /[。！？!?]$/.test(blocks[chapterIndex]);
      if (m.repair === 'no-comma' && (n !== chapterExpected || (/[。！？!?]$/.test(text) && !endsLikePrevious) || laterGenuine(i, 'chapter', n ?? 0))) {
        asBody(i);
        continue;
      }
      if (m.repair === 'no-numeral' && laterGenuine(i, 'chapter', n ?? 0)) {
        asBody(i);
        continue;
      }
      if (n === null) continue;
      // Inside a chapter, a restart at 一 opens a nested list; its items are not chapters.
      if (chapterIndex >= 0 && !m.repair) {
        let level = -1;
        for (let k = nested.length - 1; k >= 0; k--) if (nested[k] === n) { level = k; break; }
        // The next chapter's number continues the nested list too: it is the chapter when it has
        // the form of this chapter's heading (both stand alone or both run into their body, both
        // end a sentence or neither does) and no genuine marker with the same number comes later.
        const endsSentence = (t: string) => /[。！？!?]$/.test(t);
        const sameForm = isStandalone(text.slice(m.markerLength)) === !chapterInline && endsSentence(text) === endsSentence(blocks[chapterIndex]);
        if (level >= 0 && !(n === chapterExpected && sameForm && !laterGenuine(i, 'chapter', n))) {
          nested = nested.slice(0, level + 1);
          nested[level] = n + 1;
          asBody(i);
          continue;
        }
        if (n === 1 && chapterExpected > 1) {
          nested.push(2);
          asBody(i);
          continue;
        }
        if (n < chapterExpected) {
          warn(i, 'outOfSequence', [m.label ?? '', toChineseNumeral(chapterExpected)]);
          asBody(i);
          continue;
        }
      }
      if (n === chapterExpected + 1 && repairMissingChapter(i, chapterExpected)) {
        chapterExpected++;
      }
      if (n > chapterExpected) {
        warn(i, 'chaptersMissing', [toChineseNumeral(n), toChineseNumeral(chapterExpected - 1)]);
      }
      setHeading(i, 'chapter', n, m.repair === 'no-numeral' ? null : m.label, m.markerLength, !!m.repair);
      if (m.repair === 'digit') info(i, 'digitChapter', [m.label ?? '', toChineseNumeral(n)]);
      if (m.repair === 'no-comma') info(i, 'noCommaChapter', [m.label ?? '', toChineseNumeral(n)]);
      if (m.repair === 'no-numeral') info(i, 'noNumeralChapter', [toChineseNumeral(n)]);
      chapterExpected = n + 1;
      startChapter(i);
      continue;
    }
    // Sections.
    let n = m.number;
    if (m.repair === 'broken') n = sectionExpected;
    if (n === null) continue;
    if (!m.repair && chapterHasSections) {
      // A restart at (一) inside a chapter that has sections is a nested list, as for chapters.
      let level = -1;
      for (let k = nestedSections.length - 1; k >= 0; k--) if (nestedSections[k] === n) { level = k; break; }
      if (level >= 0 && !(n === sectionExpected && !laterGenuine(i, 'section', n))) {
        nestedSections = nestedSections.slice(0, level + 1);
        nestedSections[level] = n + 1;
        continue;
      }
      // A restart at (一) is a nested list, unless the line before it is a heading the parser did
      // not take as a chapter (存在问题及下一步打算): then it starts a new run of sections.
      const prevHeadingLike = i > 0 && decisions[i - 1].role === 'body' && blocks[i - 1].length <= 30 && !/[。，,；;：:！？]/.test(blocks[i - 1]);
      if (n === 1 && sectionExpected > 1 && !prevHeadingLike) {
        nestedSections.push(2);
        continue;
      }
    }
    nestedSections = [];
    if (chapterIndex >= 0 && n === 2 && sectionExpected === 1 && !chapterHasSections && chapterFirstBody > chapterIndex && !chapterInline) {
      // (二) with no (一): the chapter's first paragraph is section 一.
      setHeading(chapterFirstBody, 'section', 1, null, 0, true);
      info(chapterFirstBody, 'unmarkedSection');
      sectionExpected = 2;
    }
    setHeading(i, 'section', n, m.repair === 'broken' ? null : m.label, m.markerLength, !!m.repair);
    if (m.repair === 'broken') info(i, 'brokenSection', [m.label ?? '', toChineseNumeral(n)]);
    if (m.repair === 'no-open') info(i, 'noOpenSection', [m.label ?? '', toChineseNumeral(n)]);
    if (n !== sectionExpected && n !== 1) {
      if (sectionExpected > 1) warn(i, 'sectionSkips', [toChineseNumeral(n), toChineseNumeral(sectionExpected - 1)]);
      else warn(i, 'firstSectionSkips', [toChineseNumeral(n)]);
    }
    sectionExpected = n + 1;
    chapterHasSections = true;
  }

  // A section with no marker after the last marked one: in a chapter whose sections are each one
  // paragraph (a heading that runs into its body), a single paragraph after the last of them,
  // opening with a short sentence, is the next section (2016 一's 切实做好依法行政考评工作。一是…).
  for (let c = 0; c < blocks.length; c++) {
    if (decisions[c].role !== 'chapter') continue;
    let end = c + 1;
    while (end < blocks.length && decisions[end].role !== 'chapter' && decisions[end].role !== 'part' && !fixed[end]) end++;
    const sections: number[] = [];
    for (let k = c + 1; k < end; k++) if (decisions[k].role === 'section') sections.push(k);
    if (sections.length < 2) continue;
    const single = sections.slice(0, -1).every((k, n) => sections[n + 1] === k + 1 && decisions[k].headingLength < blocks[k].length);
    const last = sections[sections.length - 1];
    if (!single || decisions[last].headingLength >= blocks[last].length || end !== last + 2) continue;
    const p = last + 1;
    const text = blocks[p];
    const stop = text.indexOf('。');
    if (decisions[p].role !== 'body' || marks[p] || stop < 4 || stop > 20 || /[，,、；;：:]/.test(text.slice(0, stop))) continue;
    // A heading sentence with its body after it; a closing or summary line (特此报告。) is not one.
    if (text.length - stop - 1 < 30 || !HEADING_VERB.test(text)) continue;
    const n = (decisions[last].number ?? 0) + 1;
    setHeading(p, 'section', n, null, 0, true);
    info(p, 'unmarkedSectionLater', [toChineseNumeral(n)]);
  }

  if (!anyHeading) {
    say('warning', null, 'noMarkers');
  }
  return { decisions, diagnostics };
}

/** Builds the outline tree from the decisions. `lineOf(i)` maps a block to its document line, `offsetOf(i)` to its start offset. */
export function buildOutline(
  decisions: BlockDecision[],
  lineOf: (i: number) => number,
  offsetOf: (i: number) => number,
  lastContentBlock: number,
): OutlineNode[] {
  const roots: OutlineNode[] = [];
  let part: OutlineNode | null = null;
  let chapter: OutlineNode | null = null;
  const open: OutlineNode[] = [];
  const close = (node: OutlineNode | null, endBlock: number) => {
    if (node) node.endLine = lineOf(Math.max(endBlock, node.paragraph));
  };
  const level = { part: 0, chapter: 1, section: 2 } as const;

  decisions.forEach((d, i) => {
    if (d.role !== 'part' && d.role !== 'chapter' && d.role !== 'section') return;
    const node: OutlineNode = {
      kind: d.role,
      ...(d.role === 'part' ? { partKind: d.partKind ?? 'other' } : {}),
      number: d.number,
      label: d.label,
      inferred: d.inferred,
      title: d.title,
      line: lineOf(i),
      start: offsetOf(i),
      end: offsetOf(i) + d.headingLength,
      endLine: lineOf(i),
      paragraph: i,
      children: [],
    };
    // Close open nodes at this level or deeper.
    while (open.length && level[open[open.length - 1].kind] >= level[d.role]) close(open.pop()!, i - 1);
    if (d.role === 'part') {
      roots.push(node);
      part = node;
      chapter = null;
    } else if (d.role === 'chapter') {
      (part ? part.children : roots).push(node);
      chapter = node;
    } else {
      const parent: OutlineNode | null = chapter ?? part;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    open.push(node);
  });
  while (open.length) close(open.pop()!, lastContentBlock);
  return roots;
}
