/**
 * Import Report from URL…: fetch a page or a feed, keep the original bytes in the workspace with
 * their provenance beside them, and open the report. The fetch is the extension host's `fetch`,
 * which VS Code routes through the editor's proxy settings (http.proxy, http.proxyStrictSSL,
 * http.fetchAdditionalSupport).
 */
import { fail, ok, type Report, type Result, type SourceImport } from '../core/index.ts';

/** How long one fetch may take, in milliseconds. */
const FETCH_TIMEOUT_MS = 30_000;

export interface Fetched {
  /** The address asked for. */
  url: string;
  /** The address answered from, after redirects. */
  finalUrl: string;
  status: number;
  /** The response headers that say what the bytes are and which version they are. */
  headers: Record<string, string>;
  bytes: Uint8Array;
}

const KEPT_HEADERS = ['content-type', 'content-length', 'last-modified', 'etag', 'date', 'content-language'];

/** Fetches an http(s) address. Never throws: every failure says what went wrong. */
export async function fetchSource(url: string, options: { timeoutMs?: number; maxBytes: number }): Promise<Result<Fetched>> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('notHttpUrl', [url]);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return fail('notHttpUrl', [url]);
  const mb = Math.round(options.maxBytes / 1024 / 1024);
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  try {
    const response = await fetch(parsed, { redirect: 'follow', signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return fail('httpStatus', [`${response.status} ${response.statusText}`.trim(), url]);
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > options.maxBytes) return fail('fetchTooLarge', [url, mb]);
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.length > options.maxBytes) return fail('fetchTooLarge', [url, mb]);
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = response.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    return ok({ url, finalUrl: response.url || url, status: response.status, headers, bytes });
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'TimeoutError' || name === 'AbortError') return fail('fetchTimeout', [url, Math.round(timeoutMs / 1000)]);
    const cause = (e as { cause?: { code?: string; message?: string } })?.cause;
    return fail('fetchFailed', [url, cause?.code ?? cause?.message ?? (e as Error)?.message ?? String(e)]);
  }
}

/** The file extension for fetched bytes: from the format the core found, else from the content type. */
export function extensionFor(imp: SourceImport, contentType: string | undefined): string {
  if (imp.format === 'rss' || imp.format === 'atom') return 'xml';
  if (imp.format === 'html') return 'html';
  if (imp.format === 'text' || imp.format === 'flattened-feed') return /html/i.test(contentType ?? '') ? 'html' : 'txt';
  return imp.format;
}

/** Characters that no file system takes in a name, and controls. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;

/**
 * A file name from what the report says about itself: issuer, year, title (政府工作报告 …),
 * e.g. 北京市人民政府-2026-政府工作报告.html. At most 80 characters before the extension.
 */
export function fileNameFor(report: Pick<Report, 'issuer' | 'year' | 'title'> | null, fallback: string, ext: string): string {
  const parts: string[] = [];
  if (report?.issuer) parts.push(report.issuer);
  if (report?.year) parts.push(String(report.year));
  const title =
    report?.title && report.title !== report.issuer ? report.title.replace(report.issuer ?? '\u0000', '').replace(String(report.year ?? '\u0000'), '') : '';
  const cleanTitle = title.replace(/^[\s年度\-_·]+/, '').trim();
  if (cleanTitle) parts.push(cleanTitle);
  let base = (parts.length ? parts.join('-') : fallback)
    .replace(UNSAFE, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s-]+|[.\s-]+$/g, '');
  if (!base) base = 'report';
  const chars = Array.from(base);
  if (chars.length > 80) base = chars.slice(0, 80).join('');
  return `${base}.${ext}`;
}

/** A name for a fetched address when the bytes say nothing: its host and last path segment. */
export function fallbackName(url: string): string {
  try {
    const u = new URL(url);
    const last = decodeURIComponent(u.pathname.split('/').filter(Boolean).pop() ?? '').replace(/\.[A-Za-z0-9]+$/, '');
    return [u.hostname, last].filter(Boolean).join('-');
  } catch {
    return 'report';
  }
}

/** What is written beside a fetched file (`<file>.provenance.json`). */
export function provenance(f: Fetched, fetchedAt: Date, extra: Record<string, unknown> = {}): string {
  const sorted = Object.fromEntries(Object.entries(f.headers).sort(([a], [b]) => a.localeCompare(b)));
  const body = { url: f.url, finalUrl: f.finalUrl, fetched: fetchedAt.toISOString(), status: f.status, bytes: f.bytes.length, headers: sorted, ...extra };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/**
 * A feed item that carries only a summary, so its page must be fetched: a yearly report runs to
 * thousands of characters, a summary to a few lines (whatever markers they happen to hold).
 */
export function isSummaryOnly(report: Report): boolean {
  return report.paragraphs.reduce((n, p) => n + p.text.length, 0) < 1000;
}
