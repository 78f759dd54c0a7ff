/**
 * A file's properties (Word's docProps/core.xml, a PDF's Info dictionary) as a report's title, for
 * a text that has no title line. Programs fill them with what is at hand: the source's file name
 * (`Microsoft Word - 2024年报告.docx`, a page's `report.html` when a browser prints it), a template's
 * placeholder (`Untitled`, `文档1`, `PowerPoint 演示文稿`), or an address. Those are no title.
 */

/** The program's prefix a printed file's title gets (`Microsoft Word - …`). */
const PROGRAM = /^\s*(?:Microsoft\s+(?:Office\s+)?(?:Word|Excel|PowerPoint)|WPS(?:\s*(?:Office|文字|表格|演示))?)\s*[-–—:：]\s*/i;
/** A file name's extension at the end. */
const EXTENSION = /\.(?:docx?|wps|wpt|dotx?|pdf|html?|mhtml?|txt|rtf|odt|xlsx?|pptx?)\s*$/i;
/** Placeholders of templates and programs. */
const PLACEHOLDER =
  /^(?:untitled|无标题|未命名|title|标题|document\s*\d*|文档\s*\d*|新建\s*(?:microsoft\s*)?(?:word\s*)?文档|powerpoint\s*(?:presentation|演示文稿)|幻灯片\s*\d*|slide\s*\d*|\d+)$/i;

/** The properties' title as a report's title, or null when it is a file name, a placeholder, an address or no Chinese. */
export function propsTitle(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const t = raw.replace(PROGRAM, '').replace(EXTENSION, '').trim();
  if (!t || /^(?:https?|file):/i.test(t) || PLACEHOLDER.test(t)) return null;
  // A report's title names it in Chinese; an English or coded name (gwr-national-2008, report_final) is a file's.
  if (!/[\u3400-\u9fff]/.test(t)) return null;
  // A sentence (Word fills the title from the first paragraph: 2023年，市市场监管局在…取得了新成效。) or an addressee (市委、市政府：)
  // names no report.
  if (readsAsSentence(t) || /[:：]$/.test(t)) return null;
  return t;
}

/** A sentence, not a title: a sentence's end in it (。！？；) or over 100 characters (a file's or a page's title that is its text's first sentence). */
export function readsAsSentence(t: string): boolean {
  return t.length > 100 || /[。！？!?；;]/.test(t);
}
