/**
 * Markdown as the text it marks up: a report converted to Markdown (pandoc, a web page's reader
 * service such as Jina Reader, a language model's pipeline) keeps its words, and the marks would
 * hide its headings (`**一、2024年工作回顾**`, `## 一、…`) and its title (`# 2025年…报告`, `Title: …`).
 * Only a text that reads as Markdown is changed: a marked first line, two heading or bold lines, or a
 * reader's header.
 */

/** `# Heading` (the line trimmed first: a regex with a lazy middle before `\s*$` is quadratic on a run of spaces). */
const HEADING = /^ {0,3}#{1,6}[ \t]+(\S.*)$/;

/** A heading's words, without its closing hashes (`## 一、… ##`). */
function headingText(line: string): string | null {
  const m = HEADING.exec(line.trimEnd());
  if (!m) return null;
  let t = m[1];
  if (t.endsWith('#')) {
    let i = t.length;
    while (i > 0 && t[i - 1] === '#') i--;
    if (i === 0 || t[i - 1] === ' ' || t[i - 1] === '\t') t = t.slice(0, i).trimEnd();
  }
  return t;
}

/** A whole line in bold (`**一、…**`, `__…__`): its words, which hold a letter or a character; else null. */
function strongText(line: string): string | null {
  const t = line.trim();
  if (t.length < 5) return null;
  const mark = t.slice(0, 2);
  if ((mark !== '**' && mark !== '__') || !t.endsWith(mark)) return null;
  const inner = t.slice(2, -2).trim();
  return inner && /[\p{L}\p{N}]/u.test(inner) && !inner.startsWith(mark[0]) && !inner.endsWith(mark[0]) ? inner : null;
}
/** The header Jina Reader and similar services put before the page's Markdown. */
const READER_FIELD = /^(Title|URL Source|Published Time|Description|Warning|Markdown Content):\s*(.*)$/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_RULE = /^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-{0,}:?\s*\|?\s*$/;

/** Whether the lines read as Markdown. */
function isMarkdown(lines: readonly string[]): boolean {
  let headings = 0;
  let strong = 0;
  const first = lines.find((l) => l.trim());
  // The title alone marked (**2025年…报告**, # 2025年…报告) is enough.
  if (first !== undefined && (headingText(first) !== null || strongText(first) !== null)) return true;
  // The first lines tell (a report's chapters come early).
  for (let i = 0; i < lines.length && i < 500 && headings + strong < 2; i++) {
    const l = lines[i];
    if (i < 8 && /^(Title|URL Source|Markdown Content):/.test(l)) return true;
    if (headingText(l) !== null) headings++;
    else if (strongText(l) !== null) strong++;
  }
  return headings + strong >= 2;
}

/** What an OCR's inline maths holds around a figure: digits, points, a per cent, a ratio's colons, escaped or not. */
const MATHS_FIGURE = /^[ \t]{0,3}[-+]?[0-9][0-9.,:\\%]{0,30}[ \t]{0,3}$/;

/** A line without its inline marks: bold, links and pictures, backslash escapes. */
function inline(line: string): string {
  if (!/[*_\\[!]/.test(line)) return line;
  return (
    line
      .replace(/!\[[^\]\n]{0,200}\]\([^)\n]{0,2000}\)/g, '')
      .replace(/\[([^\]\n]{1,500})\]\([^)\n]{0,2000}\)/g, '$1')
      .replace(/(\*\*|__)(?=\S)([^*_\n]{1,2000}?)(?<=\S)\1/g, '$2')
      // An OCR's inline maths around a figure (增长 \(8.6\%\) ): the figure alone, as the page printed it. Only a figure:
      // an escaped parenthesis around words (\(一\), \(PM2\.5\)) is a parenthesis.
      .replace(/\\\(([^\n]{0,40}?)\\\)/g, (m, inner: string) => (MATHS_FIGURE.test(inner) ? inner.trim() : m))
      // Any ASCII punctuation may be escaped (CommonMark): an OCR's \% too.
      .replace(/\\([!-/:-@[-`{-~])/g, '$1')
  );
}

/**
 * The lines of a Markdown text as plain text: headings and bold lines as their words (each a paragraph), a reader
 * service's header as the title line alone, rules and table separators gone, a table's row as its
 * cells joined by tabs, quotes and bullets without their marks. Other text is returned as it is.
 */
export function fromMarkdown(lines: string[]): string[] {
  if (!isMarkdown(lines)) return lines;
  const out: string[] = [];
  let header = true;
  for (const line of lines) {
    // One blank line at most between paragraphs (a heading's own blank line and the file's are one): a heading
    // broken over two bold lines is still joined (joinBrokenHeadings looks one blank line ahead).
    if (!line.trim() && out.length && !out[out.length - 1].trim()) continue;
    if (header) {
      const f = READER_FIELD.exec(line);
      if (f) {
        if (f[1] === 'Title' && f[2].trim()) out.push(f[2].trim(), '');
        continue;
      }
      if (line.trim()) header = false;
    }
    if (RULE.test(line) || TABLE_RULE.test(line)) {
      out.push('');
      continue;
    }
    const heading = headingText(line);
    let text = heading ?? line;
    const strong = strongText(text);
    text = strong ?? text;
    // A heading (or a bold line) is a paragraph of its own: never run into a table's first row or the line after it.
    if (heading !== null || strong !== null) {
      if (out.length && out[out.length - 1].trim()) out.push('');
      out.push(inline(text), '');
      continue;
    }
    text = text.replace(/^\s{0,3}>\s?/, '').replace(/^(\s*)[-*+][ \t]+(?=\S)/, '$1');
    if (/^\s*\|.*\|\s*$/.test(text))
      text = text
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim())
        .join('\t');
    out.push(inline(text));
  }
  return out;
}
