/**
 * Series: the reports of one issuer and one report type, by year. The key is query.ts's
 * seriesKey (issuer + title without year and issuer), with two repairs for texts that have no
 * title line, like the national 政府工作报告 files, whose title is their file name:
 *
 * - an issuer missing from the title is read from the address that opens the report
 *   (我代表国务院，向大会报告政府工作 → 国务院), and so is the type (政府工作报告);
 * - reports whose title is a file name (no Chinese in it) are one series per file-name stem
 *   (gwr-national-2015 → gwr-national). When the members whose opening names the issuer and type
 *   all agree, the whole stem group takes that name, so the years whose opening says neither
 *   (1981, 1985) stay in the series.
 */
import type { Report } from '../model/index.ts';
import { reportType } from '../model/index.ts';

export interface Series {
  /** Stable key: issuer + NUL + type. */
  key: string;
  issuer: string | null;
  type: string;
  /** Sorted by year, oldest first; one report a year. */
  reports: Report[];
}

export interface SeriesProblem {
  report: Report;
  message: string;
}

const ADDRESS =
  /我(?:代表|受)(国务院|[\u4e00-\u9fff]{2,20}?(?:人民政府|政府))(?:的委托)?[，,\s]*(?:现在)?[，,\s]*(?:向[^。，,]{1,30})?(?:作|提出)?[^。]{0,20}?报告/;
const CJK = /[\u4e00-\u9fff]/;

interface Identity {
  issuer: string | null;
  type: string;
  /** The title is a file name: the series is the file-name stem. */
  stem: string | null;
  /** Issuer and type as the opening names them, for a report with a file-name title. */
  named: { issuer: string; type: string } | null;
}

/** What the opening address says: the issuer, and 政府工作报告 when it reports on government work. */
function fromOpening(report: Report): { issuer: string; type: string | null } | null {
  for (const p of report.paragraphs.slice(0, 8)) {
    const m = ADDRESS.exec(p.text);
    if (!m) continue;
    const sentence = p.text.slice(m.index, p.text.indexOf('。', m.index) >>> 0 || undefined);
    const type = /政府工作/.test(sentence) ? '政府工作报告' : null;
    return { issuer: m[1], type };
  }
  return null;
}

function identity(report: Report): Identity {
  const fileTitle = !CJK.test(report.title);
  const opening = report.issuer && !fileTitle ? null : fromOpening(report);
  const issuer = report.issuer ?? opening?.issuer ?? null;
  if (!fileTitle) return { issuer, type: reportType(report), stem: null, named: null };
  const stem = reportType(report);
  const named = opening?.type ? { issuer: opening.issuer, type: opening.type } : null;
  return { issuer, type: named?.type ?? stem, stem, named };
}

const keyOf = (issuer: string | null, type: string) => `${issuer ?? ''}\u0000${type}`;

/**
 * Groups reports into series. A report without a year cannot be placed and is left out; of two
 * reports of the same series and year (one report from two sources), the first is kept. Both
 * are listed in `problems`.
 */
export function groupSeries(reports: Report[]): { series: Series[]; problems: SeriesProblem[] } {
  const problems: SeriesProblem[] = [];
  const ids = reports.map(identity);
  // A file-name stem group takes the name its members' openings agree on.
  const stemName = new Map<string, { issuer: string; type: string } | null>();
  ids.forEach((id) => {
    if (!id.stem || !id.named) return;
    const prev = stemName.get(id.stem);
    if (prev === undefined) stemName.set(id.stem, id.named);
    else if (prev && (prev.issuer !== id.named.issuer || prev.type !== id.named.type)) stemName.set(id.stem, null);
  });
  const groups = new Map<string, Series>();
  reports.forEach((report, i) => {
    const id = ids[i];
    const name = id.stem ? stemName.get(id.stem) : undefined;
    const issuer = name ? name.issuer : id.issuer;
    const type = name ? name.type : id.type;
    if (report.year === null) {
      problems.push({ report, message: `“${report.title}” has no year, so it is in no series.` });
      return;
    }
    const key = keyOf(issuer, type);
    let s = groups.get(key);
    if (!s) groups.set(key, (s = { key, issuer, type, reports: [] }));
    const twin = s.reports.find((r) => r.year === report.year);
    if (twin) {
      problems.push({
        report,
        message: `“${report.title}” is a second ${report.year} report of the series ${issuer ?? '—'} · ${type}; the first one (${twin.id}) is aligned.`,
      });
      return;
    }
    s.reports.push(report);
  });
  const series = [...groups.values()];
  for (const s of series) s.reports.sort((a, b) => a.year! - b.year!);
  series.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { series, problems };
}
