/**
 * The sections a copy lost the markers or the bold of, found after the numbering walk (parse.ts): a chapter's heads
 * with no marker (the national reports of 1988 and 1993–2002) and a last section whose marker a page dropped.
 */
import type { BlockRole, MessageCode } from '../model/index.ts';
import { toChineseNumeral } from '../model/index.ts';
import { type BlockDecision, HEADING_VERB, type Match, stripEndPunct } from './markers.ts';

/** What these passes read of the walk and how they set a heading (the parser's own setHeading and info). */
export interface SectionPass {
  blocks: readonly string[];
  decisions: readonly BlockDecision[];
  fixed: readonly (BlockRole | null)[];
  marks: readonly (Match | null)[];
  tables: readonly boolean[];
  setHeading(
    i: number,
    role: 'chapter' | 'section',
    number: number | null,
    label: string | null,
    markerLength: number,
    inferred: boolean,
    whole?: boolean,
  ): void;
  info(block: number, code: MessageCode, args: (string | number)[]): void;
}

/** An address to the congress or the meeting (各位代表！…, 同志们：): what follows it in a chapter is no run of heads. */
const ADDRESS = /^(?:各位代表|各位委员|同志们)/;
/** A list item's or a salutation's opening, or a sentence that joins on to the one before: never a section's head. */
const NOT_HEAD_START =
  /^(?:[—―－-]|图为|图[：:]|[一二三四五六七八九十]+[是要]|其[一二三四五六七八九十]|第[一二三四五六七八九十]+[，,、]|首先|其次|再次|最后|同时|此外|另外|总之|因此|所以|但是|但|而且|这|各位|同志们)/;

/**
 * A section's head that lost its bold: one short sentence (4–32 characters, ending in 。, no other sentence's end, no
 * colon, no figure, not in the narrative's voice: 我们) on a paragraph of its own, before a long paragraph. (A short line
 * of ideographs with no full stop is none: a photo's caption reads the same.) `long`: a longer one, taken only among
 * such heads, up to 64 characters over a paragraph twice its length.
 */
function isRunInHead(text: string, next: string, long = false): boolean {
  const n = text.length;
  if (next.length < 50 || (long && next.length < 2 * n)) return false;
  if (n < 5 || n > (long ? 64 : 33) || text.charCodeAt(n - 1) !== 0x3002) return false;
  return !/[。！？!?；;：:0-9０-９%％]|我们/.test(text.slice(0, -1)) && !NOT_HEAD_START.test(text) && !INTRODUCES.test(text);
}

/** A sentence that introduces what follows (…包括以下几个方面。, …着重抓好四个环节。): the paragraphs after it are its list. */
const INTRODUCES = /以下|如下|[二三四五六七八九十几两]个(?:方面|环节|重点|问题|关系|领域|任务)|[二三四五六七八九十几两]项/;

/**
 * Sections that lost their bold and their marker: in a chapter with no sections, three or more short sentences, each a
 * paragraph of its own and each followed by a long paragraph, are its sections (the national reports of 1988 and
 * 1993–2002: 一、 / 过去的一年，… / 国民经济快速增长。 / 在1992年快速增长的基础上，… / 改革开放取得新的进展。 / …). Not a list's items
 * (一是…, 一要…, 第一，…, ——…), a salutation, a line with a figure, or a sentence that closes or introduces (…以下几项：).
 * The first head is among the chapter's first three paragraphs; the chapter's opening sentence is one only when the next
 * head follows within two paragraphs (新征程对政府工作提出了新的更高要求。 opens a chapter, it heads nothing). An address
 * (各位代表！…) before the third head ends the search: a closing's couplets are no heads.
 */
export function unnumberedSections(pass: SectionPass): void {
  const { blocks, decisions, fixed, marks, tables } = pass;
  for (let c = 0; c < blocks.length; c++) {
    if (decisions[c].role !== 'chapter') continue;
    let end = c + 1;
    while (end < blocks.length && decisions[end].role !== 'chapter' && decisions[end].role !== 'part' && !fixed[end]) end++;
    /** The heads, with their places among the chapter's paragraphs (1 for its first). */
    const heads: { k: number; at: number }[] = [];
    let bodies = 0;
    let sections = false;
    for (let k = c + 1; k < end; k++) {
      if (decisions[k].role === 'section') sections = true;
      if (decisions[k].role !== 'body') continue;
      bodies++;
      // An address before a run of heads has begun ends the search (a closing's couplets after it); within a run, the
      // report speaks to the congress between two of its heads (各位代表！这里我要强调…).
      if (heads.length < 3 && ADDRESS.test(blocks[k])) break;
      // The opening sentence heads nothing when no head follows it closely.
      if (heads.length === 1 && heads[0].at === 1 && bodies > 3) heads.length = 0;
      // The first within the chapter's first three paragraphs: heads that open its parts, not stray short sentences.
      if (!heads.length && bodies > 3) break;
      if (
        k + 1 < end &&
        isRunInHead(blocks[k], blocks[k + 1]) &&
        !marks[k] &&
        !marks[k + 1] &&
        !tables[k] &&
        !tables[k + 1] &&
        decisions[k + 1].role === 'body'
      )
        heads.push({ k, at: bodies });
    }
    if (sections || heads.length < 3) continue;
    // Between the first and the last head, a longer one of the same kind (1998's 以建立社会主义市场经济体制为目标的改革取得重大
    // 突破，新的宏观调控体系框架初步建立，…。 among its shorter heads): one sentence over a paragraph at least twice as long, with
    // a body paragraph before it that is no head.
    const found = new Set(heads.map((h) => h.k));
    for (let k = heads[0].k + 2; k < heads[heads.length - 1].k; k++) {
      if (found.has(k) || found.has(k - 1) || found.has(k + 1) || decisions[k].role !== 'body' || marks[k] || tables[k]) continue;
      if (isRunInHead(blocks[k], blocks[k + 1], true)) found.add(k);
    }
    heads.splice(0, heads.length, ...[...found].sort((a, b) => a - b).map((k) => ({ k, at: 0 })));
    // Each head is a sentence on its own: the whole of it is the title.
    for (const { k } of heads) pass.setHeading(k, 'section', null, null, 0, true, true);
    pass.info(heads[0].k, 'unnumberedSections', [stripEndPunct(blocks[c]), heads.length]);
  }
}

/**
 * A section with no marker after the last marked one: in a chapter whose sections are each one
 * paragraph (a heading that runs into its body), a single paragraph after the last of them,
 * opening with a short sentence, is the next section (2016 一's 切实做好依法行政考评工作。一是…).
 */
export function restoreLastSections(pass: SectionPass): void {
  const { blocks, decisions, fixed, marks } = pass;
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
    pass.setHeading(p, 'section', n, null, 0, true);
    pass.info(p, 'unmarkedSectionLater', [toChineseNumeral(n)]);
  }
}
