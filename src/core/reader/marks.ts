/**
 * Marks that the text and PDF readers both read: where a page's number is, and what a paragraph
 * before a heading ends with.
 */

/** A page number as printed: — 3 —, - 3 -, 第3页, 第 3 页 共 12 页, 3/13, Page 3 of 13, iv. */
export const PAGE_NUMBER =
  /^(?:第\s*[0-9０-９]{1,4}\s*页\s*[,，]?\s*共\s*[0-9０-９]{1,4}\s*页|[-—–－‒―~～·•\s]*(?:第\s*)?[0-9０-９]{1,4}(?:\s*页)?(?:\s*[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?)?[-—–－‒―~～·•\s]*|(?:page\s*)?\d{1,4}\s*(?:of\s*\d{1,4})?|[ivxlc]{1,6}|[-—–－\s]*[ⅰ-ⅿⅠ-Ⅿ][-—–－\s]*)$/i;

/**
 * What a paragraph before a heading ends with: a sentence's end or a colon (not ；, which a list's items end with), or an
 * aside in brackets after it (…联系。(地址:…,电话:0537-8451001)). pdfLayout tests a paragraph's last 100 characters; the
 * hard-wrap join (wrap.ts) its last two, so the aside is a PDF's case only.
 */
export const BEFORE_HEADING = /[。！？!?：:](?:[”’」』）)]|[（(][^（）()\n]{1,80}[）)])?$/;
