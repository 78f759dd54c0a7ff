import * as vscode from 'vscode';
import { MESSAGES, type Diagnostic } from '../core/index.ts';

/** A core diagnostic's message in the editor's language (the English template is the l10n key). */
export function localize(d: Diagnostic): string {
  return d.code ? vscode.l10n.t(MESSAGES[d.code], ...(d.args ?? [])) : d.message;
}
