/**
 * The one grouping of reports into series, computed once (the Corpus service calls it; the Reports
 * view, Compare, the jump commands, auto-tag and `annals align` use what it returns).
 *
 * A series is the reports of one issuer and one report type, one a year. In order:
 *
 * 1. the analyst's corrections (.annals/corpus.json) replace the metadata they correct;
 * 2. files with the same content are one report (its copies listed);
 * 3. each report's key is its normalised issuer and type (Report.issuer, Report.type; a report with
 *    no type takes its title without issuer and year). An issuer written with fewer places
 *    (洪泽区人民政府) joins the one series of the same type whose issuer contains it
 *    (淮安市洪泽区人民政府), when there is exactly one;
 * 4. Move to Series and Merge Series corrections move reports and series;
 * 5. in a series, two reports of one year are one report (its copies listed; the analyst's
 *    choice, else the better copy: duplicates.ts); a report with no year is in no series.
 */
import { type Diagnostic, type MessageCode, type Problem, problem, problemText, type Report, type ReportHead } from '../model/index.ts';
import { type CorpusFile, CORPUS_PATH, applyCorrections, copyKey, emptyCorpusFile, mergeTarget } from './corrections.ts';
import { bodyShare, contentHash, paragraphCount, pickCopy, sharedShare, type SourcedReport } from './duplicates.ts';
import { containedIn, fallbackType, type IssuerName, parseIssuer, sameIssuer } from './names.ts';

/** A page's file, or the page saved as text (t20250120_123_1.html, 10234_4.txt, ….md, ….mhtml). */
const PAGE_FILE = /_\d{1,2}\.(?:s?html?|xhtml|txt|md|mhtml?|mht)$/i;
/**
 * The article a page file belongs to (dir/t20250120_123, for t20250120_123.html and its pages
 * t20250120_123_1.html, _2…, or the same saved as text), or null for a source that is no web page.
 */
function pageOf(source: string): string | null {
  const m = /^(.*?)(?:_\d{1,2})?\.(?:s?html?|xhtml|txt|md|mhtml?|mht)$/i.exec(source);
  return m ? m[1] : null;
}

interface SeriesMember<R extends ReportHead = Report> extends SourcedReport<R> {
  /** Other files that hold the same report: not used. */
  copies: SourcedReport<R>[];
}

/** A series of reports (R: full reports, or the heads a host keeps: reportHead). */
export interface Series<R extends ReportHead = Report> {
  /** Stable key, as the series is named in .annals/corpus.json: `issuer · type`, or the type alone. */
  key: string;
  /** The normalised issuer, or null. */
  issuer: string | null;
  type: string;
  /** For people: 北京市人民政府 · 政府工作报告. */
  label: string;
  /** The issuer as its reports write it, each form once (for a tooltip). */
  issuerVariants: string[];
  /** One report a year, oldest first. */
  reports: R[];
  /** The same, with their sources and copies. */
  members: SeriesMember<R>[];
}

export interface SeriesProblem<R extends ReportHead = Report> {
  /** The report concerned, or null for a correction whose report has gone. */
  report: R | null;
  source: string | null;
  problem: Problem;
  /** In English. */
  message: string;
  severity: Diagnostic['severity'];
}

export interface Grouping<R extends ReportHead = Report> {
  series: Series<R>[];
  /** Reports in no series: they have no year. */
  unplaced: SourcedReport<R>[];
  /** Reports left out and why (no year, copies), and corrections whose report or series has gone. */
  problems: SeriesProblem<R>[];
}

export interface GroupOptions {
  /** The analyst's corrections (.annals/corpus.json). */
  corrections?: CorpusFile;
  /** The corrections file's name, for messages. */
  correctionsFile?: string;
}

/** The series key of an issuer and type. */
const seriesKeyOf = (issuer: string | null, type: string) => (issuer ? `${issuer} · ${type}` : type);

/** A report's type for its series: its normalised type, else its title without issuer and year. */
const typeOf = (r: ReportHead) => r.type ?? fallbackType(r.title, r.issuer);

/**
 * The key of the series a report goes to by its own metadata: `issuer · type`. The grouping
 * (groupSeries) may still join it to a wider issuer's series or move it by a correction.
 */
export function seriesKey(report: ReportHead): string {
  return seriesKeyOf(report.issuer, typeOf(report));
}

/** For people: 北京市人民政府 · 政府工作报告 (the same text as the key). */
export function seriesLabel(report: ReportHead): string {
  return seriesKey(report);
}

function say(
  report: ReportHead | null,
  source: string | null,
  severity: Diagnostic['severity'],
  code: MessageCode,
  args: (string | number)[],
): SeriesProblem<ReportHead> {
  return told(report, source, severity, problem(code, args));
}

function told(report: ReportHead | null, source: string | null, severity: Diagnostic['severity'], p: Problem): SeriesProblem<ReportHead> {
  return { report, source, problem: p, message: problemText(p), severity };
}

/** A report, or a report with its source; a bare report's source is ''. */
const sourced = (x: ReportHead | SourcedReport<ReportHead>): SourcedReport<ReportHead> =>
  'report' in x && 'source' in x ? x : { source: '', report: x as ReportHead };

const byPath = (a: SourcedReport<ReportHead>, b: SourcedReport<ReportHead>) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);

/** Groups reports into series. Never throws. */
export function groupSeries<R extends ReportHead = Report>(input: readonly (R | SourcedReport<R>)[], options: GroupOptions = {}): Grouping<R> {
  // The grouping reads only what a head keeps; every report it returns is one of `input`'s (or a corrected copy of one).
  return groupHeads(input, options) as Grouping<R>;
}

function groupHeads(input: readonly (ReportHead | SourcedReport<ReportHead>)[], options: GroupOptions): Grouping<ReportHead> {
  const file = options.corrections ?? emptyCorpusFile();
  const fileName = options.correctionsFile ?? CORPUS_PATH;
  const problems: SeriesProblem<ReportHead>[] = [];
  const applied = applyCorrections(input.map(sourced), file, fileName);
  for (const p of applied.orphans) problems.push(told(null, null, 'warning', p));

  // Files with the same content: one report.
  const byHash = new Map<string, SourcedReport<ReportHead>[]>();
  for (const e of applied.entries) {
    const h = contentHash(e.report);
    const g = byHash.get(h);
    if (g) g.push(e);
    else byHash.set(h, [e]);
  }
  const firstCopies = new Map<SourcedReport<ReportHead>, SourcedReport<ReportHead>[]>();
  const distinct: SourcedReport<ReportHead>[] = [];
  for (const g of byHash.values()) {
    if (g.length === 1 || paragraphCount(g[0].report) === 0) {
      distinct.push(...g);
      continue;
    }
    const pick = pickCopy(g);
    firstCopies.set(pick.chosen, pick.copies);
    distinct.push(pick.chosen);
  }

  // The key of each report: issuer and type, contained issuers joined to their container.
  const issuers = new Map<string, Map<string, IssuerName | null>>(); // type → issuer → parsed
  for (const { report } of distinct) {
    if (!report.issuer) continue;
    const t = typeOf(report);
    let m = issuers.get(t);
    if (!m) issuers.set(t, (m = new Map()));
    if (!m.has(report.issuer)) m.set(report.issuer, parseIssuer(report.issuer));
  }
  const canonical = new Map<string, string>(); // `${type}\0${issuer}` → issuer
  for (const [t, m] of issuers) {
    // Only names whose last place starts alike can be one issuer: compare within those buckets.
    const buckets = new Map<string, [string, IssuerName][]>();
    for (const [text, name] of m) {
      if (!name) continue;
      const last = name.units.at(-1);
      // By the first character of the last place's name (巴州 and 巴音郭楞蒙古自治州 meet).
      const b = last ? `${last.base}\u0000${last.name.slice(0, 1)}\u0000${name.org}` : `\u0000${name.org}`;
      const list = buckets.get(b);
      if (list) list.push([text, name]);
      else buckets.set(b, [[text, name]]);
    }
    for (const names of buckets.values())
      for (const [text, name] of names) {
        // The same issuer written another way (黔东南州, 黔东南苗族侗族自治州): the longer form. Else the one container.
        const same = names.filter(([o, n]) => o !== text && sameIssuer(name, n));
        const containers = names.filter(([o, n]) => o !== text && n.units.length > name.units.length && containedIn(name, n));
        const longest = [text, ...same.map(([o]) => o)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1))[0];
        const target = containers.length && new Set(containers.map(([o]) => o)).size === 1 ? containers[0][0] : longest;
        canonical.set(`${t}\u0000${text}`, target);
      }
  }
  // A container that is itself contained once more: follow to the end.
  const issuerOf = (r: ReportHead) => {
    if (!r.issuer) return null;
    let cur = r.issuer;
    for (let k = 0; k < 4; k++) {
      const next = canonical.get(`${typeOf(r)}\u0000${cur}`) ?? cur;
      if (next === cur) break;
      cur = next;
    }
    return cur;
  };

  // Reports with no issuer: those of one type are one series (a body's reports that never name it, in one folder or a
  // folder a year). When two folders hold different reports of one year and type (they share under half their body
  // paragraphs: not a copy in another form), those reports are two bodies': each folder's reports of that type are a
  // series of their own, keyed by the folder (`reports/a/ · type`). When one folder holds two such reports, nothing
  // tells whose the others are: each report of that type is a series of its own, keyed by its source. So two bodies'
  // reports never chain, nor stand as each other's copies.
  const issuerless = new Map<string, SourcedReport<ReportHead>[]>(); // `${type}\0${year}` → reports
  for (const e of distinct) {
    if (issuerOf(e.report) || e.report.year === null) continue;
    const k = `${typeOf(e.report)}\u0000${e.report.year}`;
    const list = issuerless.get(k);
    if (list) list.push(e);
    else issuerless.set(k, [e]);
  }
  // Types whose issuer-less reports are grouped by folder, and types whose are each a series of their own (two bodies'
  // reports of one year in one folder: nothing tells which other reports are whose).
  const byFolder = new Set<string>();
  const alone = new Set<string>();
  const differ = (a: SourcedReport<ReportHead>, b: SourcedReport<ReportHead>) => bodyShare(a.report, b.report) < 0.5 && bodyShare(b.report, a.report) < 0.5;
  for (const [k, list] of issuerless) {
    const type = k.slice(0, k.indexOf('\u0000'));
    // Many of one year are many bodies' (and comparing each pair would be quadratic).
    if (list.length > 20) {
      alone.add(type);
      continue;
    }
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        if (!differ(list[i], list[j])) continue;
        if (folderOf(list[i].source) === folderOf(list[j].source)) alone.add(type);
        else byFolder.add(type);
      }
  }

  // A folder that holds reports of a type by two named bodies or more is a collection, not one body's folder: its
  // reports of that type with no issuer are each a series of their own (else a 司法厅's 2021 report, a 发展改革委's of 2022
  // and a city's of 2024, none naming itself, were one series across the years).
  // A place's government and its office (某某市人民政府, 某某市人民政府办公室: they sign a city's 信息公开 reports in turn)
  // are one body here.
  const named = new Map<string, Set<string>>(); // `${type}\0${folder}` → the bodies named there
  for (const e of distinct) {
    const issuer = issuerOf(e.report);
    if (!issuer) continue;
    // A place's government and its general office are one body; its departments (司法厅, 发展和改革委员会) are others.
    const parsed = parseIssuer(issuer);
    const place = parsed?.units.length ? parsed.units.map((u) => u.text).join('') + parsed.org.replace(/^人民政府(?:办公厅|办公室)$/, '人民政府') : issuer;
    const k = `${typeOf(e.report)}\u0000${folderOf(e.source)}`;
    const set = named.get(k);
    if (set) set.add(place);
    else named.set(k, new Set([place]));
  }
  const collection = (e: SourcedReport<ReportHead>) => (named.get(`${typeOf(e.report)}\u0000${folderOf(e.source)}`)?.size ?? 0) >= 2;

  interface Group {
    key: string;
    issuer: string | null;
    type: string;
    variants: string[];
    entries: SourcedReport<ReportHead>[];
  }
  const groups = new Map<string, Group>();
  const unplaced: SourcedReport<ReportHead>[] = [];
  for (const e of distinct.sort(byPath)) {
    const r = e.report;
    let issuer = issuerOf(r);
    let type = typeOf(r);
    let key = seriesKeyOf(issuer, type);
    if (!issuer && (alone.has(type) || collection(e))) key = seriesKeyOf(e.source || r.id, type);
    else if (!issuer && byFolder.has(type)) key = seriesKeyOf(folderOf(e.source) || './', type);
    const moved = applied.moves.get(r);
    const target = mergeTarget(file, moved ?? key) ?? key;
    if (target !== key) {
      key = target;
      const existing = groups.get(key);
      const split = splitKey(key);
      issuer = existing?.issuer ?? split.issuer;
      type = existing?.type ?? split.type;
    }
    if (r.year === null) {
      unplaced.push(e);
      problems.push(say(r, e.source || null, 'warning', 'noYearNoSeries', [r.title, e.source || r.id]));
      continue;
    }
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, issuer, type, variants: [], entries: [] }));
    for (const v of [...r.meta.issuerVariants, ...(r.issuer ? [r.issuer] : [])]) if (!g.variants.includes(v)) g.variants.push(v);
    g.entries.push(e);
  }
  for (const k of Object.keys(file.series)) {
    if (!groups.has(k) && !groups.has(mergeTarget(file, k) ?? k)) problems.push(say(null, null, 'warning', 'seriesCorrectionOrphan', [fileName, k]));
  }

  const series: Series<ReportHead>[] = [];
  for (const g of groups.values()) {
    const byYear = new Map<number, SourcedReport<ReportHead>[]>();
    for (const e of g.entries) {
      const y = e.report.year!;
      const list = byYear.get(y);
      if (list) list.push(e);
      else byYear.set(y, [e]);
    }
    const members: SeriesMember<ReportHead>[] = [];
    for (const [year, list] of [...byYear].sort((a, b) => a[0] - b[0])) {
      const choice = file.copies[copyKey(g.key, year)]?.use ?? null;
      // Every file of the year, identical copies too, so that the analyst's choice can name any of them.
      const pick = pickCopy(
        list.flatMap((e) => [e, ...(firstCopies.get(e) ?? [])]),
        choice,
      );
      const copies = pick.copies;
      members.push({ ...pick.chosen, copies });
      for (const c of copies) {
        // Pages of one article saved one file a page (a CMS's t20250120_123_1.html): no copy, and most of the report is elsewhere.
        const a = pick.chosen.source;
        const pages =
          pageOf(a) !== null &&
          pageOf(a) === pageOf(c.source) &&
          (PAGE_FILE.test(a) || PAGE_FILE.test(c.source)) &&
          sharedShare(c.report, pick.chosen.report) < 0.2;
        problems.push(
          say(c.report, c.source || null, pages ? 'warning' : 'info', pages ? 'splitPages' : 'duplicateReport', [
            g.key,
            year,
            pick.chosen.source || pick.chosen.report.id,
            c.source || c.report.id,
          ]),
        );
      }
    }
    series.push({
      key: g.key,
      issuer: g.issuer,
      type: g.type,
      label: g.key,
      issuerVariants: g.variants,
      reports: members.map((m) => m.report),
      members,
    });
  }
  // Copies of a report with no year: listed too.
  for (const e of unplaced) for (const c of firstCopies.get(e) ?? []) unplaced.push(c);
  series.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { series, unplaced, problems };
}

/** The folder of a source, with its last separator (`reports/a/`), or '' for a bare name. */
function folderOf(source: string): string {
  const at = Math.max(source.lastIndexOf('/'), source.lastIndexOf('\\'));
  return at < 0 ? '' : source.slice(0, at + 1);
}

/** Issuer and type of a series key (`issuer · type`, or the type alone). */
function splitKey(key: string): { issuer: string | null; type: string } {
  const at = key.lastIndexOf(' · ');
  return at < 0 ? { issuer: null, type: key } : { issuer: key.slice(0, at), type: key.slice(at + 3) };
}
