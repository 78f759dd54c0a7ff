import * as vscode from 'vscode';
import { FULL_TEXT, type Diagnostic, type OutlineNode } from '../core/index.ts';
import { diagnosticProblem, problemMessage } from './problems.ts';

/** A core diagnostic's message in the editor's language (the English template is the l10n key). */
export function localize(d: Diagnostic): string {
  const p = diagnosticProblem(d);
  return p ? problemMessage(p) : d.message;
}

/** A heading as the views show it: label and title; the no-marker fallback part in the editor's language. */
export function headingLabel(n: OutlineNode): string {
  if (n.kind === 'part' && n.partKind === 'other' && n.inferred && n.title === FULL_TEXT) return vscode.l10n.t('Full text');
  return `${n.label ?? ''}${n.title || vscode.l10n.t('(untitled)')}`;
}
