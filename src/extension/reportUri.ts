import * as vscode from 'vscode';

export const SCHEME = 'annals';
export const LANGUAGE = 'annals-report';

export interface ReportRef {
  source: vscode.Uri;
  id: string;
}

/** annals:/<year> <title>?src=<source uri>&id=<report id>. The path only names the tab. */
export function reportUri(source: vscode.Uri, id: string, title: string, year: number | null): vscode.Uri {
  const name =
    `${year ?? ''} ${title}`
      .trim()
      .replace(/[\\/:*?"<>|#%]+/g, '_')
      .slice(0, 120) || id;
  const query = new URLSearchParams({ src: source.toString(), id }).toString();
  return vscode.Uri.from({ scheme: SCHEME, path: `/${name}`, query });
}

export function parseReportUri(uri: vscode.Uri): ReportRef | null {
  if (uri.scheme !== SCHEME) return null;
  const q = new URLSearchParams(uri.query);
  const src = q.get('src');
  const id = q.get('id');
  if (!src || !id) return null;
  try {
    return { source: vscode.Uri.parse(src, true), id };
  } catch {
    return null;
  }
}
