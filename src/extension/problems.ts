import * as vscode from 'vscode';
import { anchorReasonProblem, MESSAGES, type Diagnostic, type Problem } from '../core/index.ts';

/**
 * How the core's problems reach the user. A Problem ({ code, args }) is shown in the editor's
 * language: its English template, MESSAGES[code], is the l10n key (l10n/bundle.l10n.*.json), as
 * for the import diagnostics.
 */

/** A problem's message in the editor's language. */
export function problemMessage(p: Problem): string {
  return vscode.l10n.t(MESSAGES[p.code], ...p.args.map((a) => (typeof a === 'string' ? a : problemMessage(a))));
}

/** The problem a diagnostic carries, when it has a message code. */
export function diagnosticProblem(d: Diagnostic): Problem | undefined {
  return d.code ? { code: d.code, args: d.args ?? [] } : undefined;
}

/** Puts a problem's text into a localised sentence of the extension (“Could not save the annotations: {0}”). */
export type InSentence = (text: string) => string;

/** The one way a core Problem is shown: as an error message in the editor's language, with optional buttons. */
export function showProblem(p: Problem, inSentence?: InSentence, ...items: string[]): Thenable<string | undefined> {
  return showError(problemMessage(p), inSentence, items);
}

function showError(text: string, inSentence: InSentence | undefined, items: string[]): Thenable<string | undefined> {
  return vscode.window.showErrorMessage(inSentence ? inSentence(text) : text, ...items);
}

/** Why an annotation needs review or is an orphan, in the editor's language (the core gives it in English). */
export function localReason(reason: string | undefined): string {
  if (!reason) return '';
  const p = anchorReasonProblem(reason);
  return p ? problemMessage(p) : reason;
}
