/**
 * Every diagnostic the core reports, as an English template with {0}-style placeholders.
 * A diagnostic carries its code and arguments, so that the editor can show it in the user's
 * language (the templates are the keys of the extension's l10n bundles); the CLI and the
 * JSON contract use the English message.
 */
import { detach } from './text.ts';

export const MESSAGES = {
  // Sources.
  tooLarge: 'The file is {0} MB, over the limit of {1} MB (setting annals.maxFileSizeMB): not imported.',
  empty: 'The file is empty: there is no report to read.',
  binary: 'This is a binary file (it holds NUL or control bytes near the start), not a feed, page or text report.',
  undecodable: 'The file cannot be decoded: {0}.',
  whitespaceOnly: 'The file holds only white space: there is no report to read.',
  gb18030Fallback: 'The file is not valid UTF-8 and declares no encoding near its start: decoded as GB18030 (GBK).',
  utf8Repaired: 'The file is UTF-8 with {0} invalid byte sequence(s), replaced with �.',
  misdeclared: 'The page declares {0} but its bytes are UTF-8: decoded as UTF-8.',
  noArticle: 'The page has no article text.',
  mhtmlNoPage: 'This web page saved as one file (.mhtml, .mht) holds no HTML page to read: save the page again, or as .html.',
  tooDeep: 'The page nests its elements too deep to look for the article: all of its text is read.',
  parseFailed: 'The {0} source could not be parsed: {1}.',
  importTimeout: 'Gave up after {0} s: reading this file took too long (setting annals.importTimeoutSeconds). The other files were read.',
  importStopped: 'Reading this file stopped: {0}.',
  notRegularFile: 'This is not a regular file (a pipe, socket or device): it is not read.',
  charsetMismatch: 'The file declares {0}, but its bytes are {1}: decoded as {1}.',
  utf16NoBom: 'The file has no byte order mark; its bytes are {0}, and it was read so.',
  big5Detected: 'The file declares no encoding and is not UTF-8: decoded as Big5 (traditional Chinese).',
  charsetUnknown: 'The file declares {0}, but its bytes are not valid {0}, UTF-8, GB18030 or Big5: {2} invalid sequence(s) were replaced with � ({1}).',
  // Word and other binary formats.
  docUnsupported: 'This Word file (.doc) is older than Word 97, which Annals does not read: save it as .docx in Word or WPS.',
  docBroken: 'The Word file (.doc) is damaged: {0}.',
  zipOpenDocument: 'This is an OpenDocument file (.odt, .ods), which Annals does not read: save it as .docx in LibreOffice or WPS.',
  zipOffice: 'This is an Excel or PowerPoint file (.xlsx, .pptx), not a report: Annals reads Word, PDF, pages, feeds and text.',
  zipNotReport: 'This is a zip archive, not a report: unpack it, and Annals reads the Word, PDF, page, feed and text files in it.',
  oleNotWord: 'This is an old binary Office file that is not a Word document (an .xls or .ppt?): Annals reads Word, PDF, pages, feeds and text.',
  docxEncrypted: 'The Word file is password-protected: Annals cannot read it. Save a copy without a password.',
  zipBroken: 'The Word file is damaged: {0}.',
  docxNoDocument: 'The file is a zip archive but not a Word document: it has no word/document.xml.',
  docxTooLarge: 'The Word file would unpack to {0} MB, over the limit of {1} MB (annals.maxFileSizeMB): not read.',
  // REFI-QDA projects (.qdpx).
  qdpxBroken: 'The REFI-QDA project is damaged: {0}. Nothing was imported.',
  qdpxEncrypted: 'The REFI-QDA project is password-protected: Annals cannot read it. Nothing was imported.',
  qdpxTooLarge: 'The REFI-QDA project would unpack to {0} MB, over the limit of {1} MB (annals.maxFileSizeMB): nothing was imported.',
  qdpxNoProject: 'The file is not a REFI-QDA project: it has no project.qde with a <Project> element. Nothing was imported.',
  qdpxSourceSkipped: 'The source “{0}” was not imported: {1}.',
  qdpxSelectionSkipped: 'A selection of “{0}” was not imported: {1}.',
  qdpxCodeConflict: 'The code “{0}” is in the codebook already, with another {1}.',
  // PDF.
  pdfNeedsReader: 'This is a PDF: the PDF reader is not available here.',
  pdfEncrypted: 'The PDF is password-protected: Annals cannot read it. Save a copy without a password.',
  pdfDamaged: 'The PDF is damaged and cannot be read: {0}.',
  pdfTimeout: 'Reading the PDF took over {0} s and was stopped: the file may be damaged.',
  pdfNoText: 'The PDF has no text layer ({0} page(s), a scan?): it needs OCR (text recognition) first.',
  pdfXrefRebuilt: 'The PDF’s cross-reference table is damaged: its text was read by scanning the whole file.',
  pdfPagesWithoutText: '{0} of {1} pages of the PDF have no text layer (scanned?): they need OCR; the rest was read.',
  // Feeds.
  undefinedEntities: 'The feed uses entities that XML does not define: {0}. HTML entities were decoded as HTML; others are kept as text.',
  feedCutOff: 'The feed is cut off inside {0} {1}{2} at line {3}: that {0} was not imported. Complete ones kept: {4}.',
  emptyBody: '{0} {1} has an empty body.',
  invalidFeedDate: 'Invalid feed date “{0}” in <{1}> at line {2}: ignored.',
  noItems: 'The {0} feed has no {1}.',
  invalidChannelDate: 'Invalid channel date “{0}” on line 1: ignored.',
  flatCutOff: 'The feed is cut off: the {0} lines after item {1} (from line {2}) have no closing “]]>” and were not imported.',
  // Reports.
  invalidDate: 'Invalid date “{0}”: published is left empty.',
  trailing: 'Trailing text after the report (page links, licence footer; {0} lines) is marked as trailing, not report content.',
  emptyReport: 'The report body is empty.',
  titleComposed: 'No line of the text names the report: the title “{0}” is made from the issuer, the type and the year the text gives.',
  titleFromFileName: 'No line of the text names the report (报告, 公报, 工作总结…): the title is the file name “{0}”.',
  typeFromFileName: 'The text names no report type: “{0}” is taken from the file name.',
  yearFromFileName: 'The text gives no year: {0} is taken from the file name.',
  issuerFromMentions: 'No title, session, speaker or address line names the issuer: {0}, the government the text names most, is taken.',
  issuerPlaceFromMentions: 'The title names its issuer with no place ({0}): {1}, as the text names it most often with its place, is taken.',
  issuerActing:
    'No title, session, speaker or address line names the issuer: {0}, the department the text names as the one who acts (or in its own documents’ names), is taken.',
  issuerNoPlace:
    'The issuer names no place ({0}), and neither does the text: the same department of another place would be taken for this one. Set the issuer (Annals: Set Report Metadata…) if the workspace holds several places.',
  interpretation:
    'The text interprets a report (解读) rather than being it: it is titled “{0}”, with the type of a page about a report, so it joins no series as a second text of the report’s year.',
  issuerFromFileName: 'No line of the text names the issuer’s place: {0} is taken from the file name.',
  chromeRemoved: 'Page chrome removed (buttons, navigation, 来源 and time lines, captions, related links, footers; lines: {0}): {1}.',
  leadingChrome: '{0} lines before the title (page buttons, navigation, a caption) are marked as not report content.',
  appendix: 'Trailing material “{0}” (an appendix, glossary or notes) is a part of its own, not a chapter.',
  // Structure.
  noMarkers: 'No part, chapter or section markers found: the report is shown as one part of paragraphs.',
  headingCut: 'Heading runs into its paragraph and its first sentence is long; title cut to “{0}”.',
  unmarkedChapter: 'Chapter {0} has no marker; this paragraph reads as its heading.',
  outOfSequence: 'Numbering {0} is out of sequence (expected {1}、); read as a list item, not a chapter.',
  chaptersMissing: 'Chapter {0} follows chapter {1}: chapters in between are missing.',
  digitChapter: 'Chapter marker “{0}” read as “{1}、”.',
  arabicChapter: 'A short line numbered “{0}” in a report with no other chapter marker: read as chapter “{1}、”.',
  arabicSection: 'A short line numbered “{0}” in a chapter with no section marker: read as section “（{1}）”.',
  noCommaChapter: 'Chapter marker “{0}” has no “、”; read as “{1}、”.',
  noNumeralChapter: 'Chapter heading lost its numeral; read as “{0}、”.',
  unmarkedSection: 'Section (一) has no marker; the chapter’s first paragraph reads as section 一.',
  nestedChapterSections: 'The items numbered 一、 under chapter “{0}” each head their own paragraphs: read as its sections.',
  unmarkedSectionLater: 'Section ({0}) has no marker; this paragraph after the last section reads as its heading.',
  unnumberedSections: 'Chapter “{0}” has no section markers; its {1} short sentences that each stand before a paragraph of their own are read as its sections.',
  brokenSection: 'Broken section marker “{0}”; read as “({1})”.',
  noOpenSection: 'Section marker “{0}” lost its opening parenthesis; read as “({1})”.',
  unnumberedChapter: 'Chapter heading with no numeral: “{0}” stands alone and fits the report’s chapter pattern.',
  sectionSkips: 'Section ({0}) follows section ({1}): numbering skips.',
  firstSectionSkips: 'Section ({0}) is the first section of its chapter: numbering skips.',
  // Series.
  noYearNoSeries: '“{0}” ({1}) has no year, so it is in no series.',
  duplicateReport: 'The same report ({0}, {1}) is in two files: {2} is used, {3} is its copy.',
  splitPages: '{2} and {3} look like pages of one article ({0}, {1}): only {2} is in the series. Join the pages into one file to read the whole report.',
  correctionOrphan: 'A correction in {0} is for report {1} of {2}, which is not in the workspace now: it is kept.',
  seriesCorrectionOrphan: 'A series correction in {0} names the series “{1}”, which holds no report now: it is kept.',
  // Files people edit: the codebook, sidecars (annotate).
  inFile: '{0}: {1}',
  invalidJson: 'invalid JSON at line {0}, column {1}: {2}',
  codebookNotObject: 'expected an object with "tags", found {0}',
  codebookNewer: 'version {0} was written by a newer Annals (this one reads version {1}); update Annals to use it.',
  sidecarNotObject: 'expected an object with "version" and "annotations", found {0}',
  sidecarVersionMissing: 'version: missing',
  sidecarVersionInvalid: 'version: expected a whole number ≥ 1, found {0}',
  corpusNotObject: 'expected an object with "version" and "reports", found {0}',
  corpusVersionInvalid: 'version: expected a whole number ≥ 1, found {0}',
  corpusNewer: 'version {0} was written by a newer Annals (this one reads version {1}); update Annals to change these corrections. The file is left as it is.',
  sidecarNewer: 'version {0} was written by a newer Annals (this one reads version {1}); update Annals to edit these annotations. The file is left as it is.',
  // Codebook edits.
  invalidTagId: '“{0}” is not a valid tag id (letters, digits, “.”, “_”, “-”; at most 64 characters)',
  tagExists: 'a tag with id “{0}” already exists',
  emptyLabel: 'the label must not be empty',
  notAColour: '“{0}” is not a colour (expected #rrggbb or #rgb)',
  unknownParentTag: 'unknown parent tag “{0}”',
  noTag: 'no tag with id “{0}”',
  tagUnderItself: 'tag “{0}” cannot go under “{1}”, which is the tag itself or one of its own child tags',
  // Targets, auto-tag, the annotation store.
  noParagraph: 'report {0} has no paragraph {1} (it has {2})',
  emptyPattern: 'the pattern is empty',
  unknownRegexFlag: 'invalid regular expression {0}: unknown flag “{1}”',
  invalidRegex: 'invalid regular expression /{0}/{1}: {2}',
  needsReport: 'an annotation needs a report id',
  needsTarget: 'an annotation needs a target paragraph',
  noAnnotation: 'no annotation with id “{0}”',
  disagreementChanged:
    'The annotations of this disagreement changed since agreement was computed (annotation “{0}” is no longer there); nothing was changed. Compute agreement again.',
  notSavedUnreadable: '{0} Not saved: the file is left as it is, and edits are refused until it is fixed.',
  saveFailed: '{0}: could not be saved ({1}). The previous file is intact; the changes are kept in memory.',
  fileUnreadable: '{0}: cannot be read ({1}).',
  noCodebook: 'There is no codebook in this workspace yet.',
  sidecarNotUtf8: '{0}: is not UTF-8 text.',
  // Fetching a report from the web (Import Report from URL…).
  notHttpUrl: 'Not an http or https address: {0}',
  httpStatus: 'The server answered {0} for {1}.',
  fetchTimeout: 'No answer from {0} within {1} seconds.',
  fetchTooLarge: 'The file at {0} is over the limit of {1} MB (setting annals.maxFileSizeMB).',
  fetchFailed: 'Could not reach {0}: {1}',
  noReportAt: 'No report was found at {0}: {1}',
  editsRefused: '{0} Edits to these annotations are refused until the file is fixed.',
  invalidTarget: 'an annotation target needs a paragraph id, a quote and a position in whole numbers, its end not before its start',
  lockFailed: '{0}: not saved: its lock file {1} cannot be created ({2}).',
  sidecarLocked: '{0}: not saved: its lock file {1} is held by {2} and was not released within {3} s.',
  lockOwner: 'process {0} on {1} since {2}',
  lockOwnerUnknown: 'a writer that left no name',
  saveConflict: '{0}: not saved: the file kept changing while it was being saved ({1} attempts).',
  sidecarTooLarge: '{0}: is too large to read ({1} MB; a sidecar can hold at most about {2} MB of text).',
  sidecarTooLargeToSave: '{0}: not saved: the file would be {1} MB, more than Annals can read back (about {2} MB of text).',
  sidecarLinkUnresolved:
    '{0}: is a symbolic link that this editor cannot follow, so it is not written; edit the file it points to, or replace the link with that file.',
  writeFailed: '{0}: could not be written ({1}); the previous file, if there was one, is as it was.',
  sidecarFolderOutside: 'the sidecar folder “{0}” leaves the workspace; it must be a folder inside it, such as .annals/sidecars',
  // Coders and the project file (.annals/project.json).
  projectNotObject: 'expected an object with "coding" and "coders", found {0}',
  noProjectFolder: 'Open a folder first: the project file lives in the workspace (.annals/project.json).',
  // Search across years.
  searchEmpty: 'The search is empty: type a word or a pattern to look for.',
  searchBadRegex: 'The regular expression “{0}” is not valid: {1}.',
  searchNoRegexEngine: 'Regular expressions cannot be searched here: the regular expression engine is not available.',
  // Re-anchoring: why an annotation needs review or is an orphan (Anchor.reason, in English; the views localise it).
  anchorNextToIt: 'its paragraph may be gone: this similar paragraph ({0}) was next to it',
  anchorFiguresDiffer: 'the figures differ (was {0}; now {1})',
  anchorAlmostAsSimilar: 'another paragraph is almost as similar ({0} against {1})',
  anchorBetterTaken: 'a more similar paragraph ({0}) went to another annotation; this one is {1} similar',
  anchorChanged: 'the paragraph changed: {0} similar',
  anchorChangedNeighbours: 'the paragraph changed: {0} similar, and its neighbours changed too',
  anchorSameText: 'the same text under another paragraph id',
  anchorSameTextNeighbours: 'the same text under another paragraph id, and its neighbours changed',
  anchorNoSimilar: 'no paragraph is similar enough with agreeing neighbours (best {0} similar)',
  anchorRepeatedNeighbours: 'a short or repeated paragraph whose neighbours changed (context {0}, elsewhere at most {1})',
  anchorRepeatedTextNeighbours: 'a short or repeated paragraph whose text and neighbours changed (context {0}, elsewhere at most {1})',
  anchorRepeatedTie:
    'the paragraph is repeated and its copies have the same neighbours, so which one was tagged cannot be told (context {0}, and {1} at another copy)',
  anchorRepeatedNoCopy: 'the paragraph is short or repeated, and no copy has its neighbours (best context {0}, next {1})',
  anchorQuoteChanged: 'the quoted text changed: {0} similar',
  anchorQuoteChangedAmbiguous: 'the quoted text changed: {0} similar, and another place is about as similar',
  anchorReportGone: 'report {0} is not in the source any more',
  anchorTaken: 'the similar paragraphs were taken by better matches',
  anchorParagraphGone: 'the paragraph and its text are gone',
  anchorParagraphReview: 'its paragraph needs review',
  anchorQuoteNotThere: 'its paragraph is there but the quoted text is not',
  anchorOwnParagraphGone: 'its paragraph is gone',
  anchorQuoteGone: 'the quoted text is gone',
  anchorNotPlaced: 'not placed',
  anchorQuoteTimes: 'the quote occurs {0} times and its context does not tell which',
  anchorShortQuote: 'a short quote whose context changed',
  anchorQuoteOnce: 'the quote occurs once, but its context changed',
  anchorClosedUp: 'the same text is here, but its old neighbours now touch where it was: it was moved, or it was one of two copies and was deleted',
} as const;

export type MessageCode = keyof typeof MESSAGES;

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  severity: Severity;
  /** In English. */
  message: string;
  /** 0-based line in the report document, or null when it concerns the whole source. */
  line: number | null;
  /** The message's code in MESSAGES (messages.ts) and its arguments, for showing it in another language. */
  code?: MessageCode;
  args?: string[];
}

/** Fills {0}, {1}… in a template. */
export function format(template: string, args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** A diagnostic with its code, arguments and English message. */
export function diag(severity: Severity, code: MessageCode, args: readonly (string | number)[] = [], line: number | null = null): Diagnostic {
  return { severity, message: format(MESSAGES[code], args), line, code, args: args.map((a) => detach(String(a))) };
}
