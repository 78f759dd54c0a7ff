/**
 * What every Annals webview shares (Microsoft's webview-sample): a fresh nonce per render, and the
 * Content-Security-Policy that allows nothing but the panel's own media/ files and its one nonced script.
 */
import type * as vscode from 'vscode';

/** 128 random bits as hex, from the platform's cryptographic generator. */
export function nonce(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The CSP of a panel whose script and stylesheet come from media/ (`default-src 'none'`): `images`
 * adds sources for images (Trends' PNG export draws on a canvas from a data: URL).
 */
export function mediaCsp(webview: vscode.Webview, scriptNonce: string, images: readonly string[] = []): string {
  return [
    `default-src 'none'`,
    `style-src ${webview.cspSource}`,
    `script-src 'nonce-${scriptNonce}'`,
    `img-src ${[webview.cspSource, ...images].join(' ')}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
}
