import * as vscode from 'vscode';
import { isColor } from '../core/index.ts';

/** A codebook colour if it is #rgb or #rrggbb; otherwise the fallback. Colours come from a file: never trust them. */
export function safeColor(color: string | null | undefined, fallback = '#9e9e9e'): string {
  return isColor(color) ? color : fallback;
}

/** #rrggbb with an alpha channel (0–255), for translucent backgrounds. */
export function withAlpha(color: string, alpha: number): string {
  let c = safeColor(color);
  if (c.length === 4) c = `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return `${c}${Math.max(0, Math.min(255, Math.round(alpha)))
    .toString(16)
    .padStart(2, '0')}`;
}

const icons = new Map<string, vscode.Uri>();

/** A small filled circle in a colour, as an SVG data URI (for QuickPick items, tree items and the gutter). */
export function colorIcon(color: string, shape: 'dot' | 'bar' = 'dot'): vscode.Uri {
  const c = safeColor(color);
  const key = `${shape}${c}`;
  let uri = icons.get(key);
  if (!uri) {
    const body = shape === 'dot' ? `<circle cx="8" cy="8" r="5" fill="${c}"/>` : `<rect x="5" y="0" width="4" height="16" fill="${c}"/>`;
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" viewBox="0 0 16 16">${body}</svg>`;
    uri = vscode.Uri.parse(`data:image/svg+xml;base64,${btoa(svg)}`);
    icons.set(key, uri);
  }
  return uri;
}
