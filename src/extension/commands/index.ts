import * as vscode from 'vscode';
import {
  attachToCurrentParagraph,
  clearAnnotationFilter,
  editAnnotation,
  filterAnnotations,
  nextAnnotation,
  previousAnnotation,
  removeAnnotation,
  revealAnnotation,
  tagParagraph,
} from './annotations.ts';
import { autoTag } from './autoTag.ts';
import {
  addChildTagCommand,
  addTagCommand,
  changeTagIdCommand,
  createCodebookCommand,
  deleteTagCommand,
  describeTagCommand,
  moveTagCommand,
  openCodebook,
  recolorTagCommand,
  renameTagCommand,
} from './codebook.ts';
import { computeAgreement, editCodeMemo, filterByCoder, openProjectMemo, openReportMemo, switchCoder } from './coding.ts';
import { chooseCounterpart, compareChapter, compareSection, gotoNextYear, gotoPreviousYear } from './compare.ts';
import { exportAnnotations } from './export.ts';
import { importQdpx } from './importQdpx.ts';
import { importFromUrl, openReportCommand, openSource, refreshReports } from './reports.ts';
import { openSearchResult, searchReportsCommand, tagAllSearchResults, tagSearchResult } from './search.ts';
import { chooseCopy, mergeSeries, moveToSeries, setReportMetadata } from './series.ts';
import type { Command, Services } from './services.ts';
import { showTrends } from './trends.ts';

export type { Command, Services } from './services.ts';

/** Every command of the extension, by the id package.json contributes it under. */
export const COMMANDS: Record<string, Command> = {
  // Reports
  'annals.openReport': openReportCommand,
  'annals.openReportSource': openSource,
  'annals.openAsReport': openSource,
  'annals.refreshReports': refreshReports,
  'annals.importFromUrl': importFromUrl,
  // Series and metadata corrections (.annals/corpus.json)
  'annals.setReportMetadata': setReportMetadata,
  'annals.moveToSeries': moveToSeries,
  'annals.mergeSeries': mergeSeries,
  'annals.chooseCopy': chooseCopy,
  // Compare and the year navigation
  'annals.compareChapter': compareChapter,
  'annals.compareSection': compareSection,
  'annals.chooseCounterpart': chooseCounterpart,
  'annals.gotoPreviousYear': gotoPreviousYear,
  'annals.gotoNextYear': gotoNextYear,
  // Annotations
  'annals.tagParagraph': tagParagraph,
  'annals.editAnnotation': editAnnotation,
  'annals.removeAnnotation': removeAnnotation,
  'annals.nextAnnotation': nextAnnotation,
  'annals.previousAnnotation': previousAnnotation,
  'annals.attachToCurrentParagraph': attachToCurrentParagraph,
  'annals.autoTag': autoTag,
  'annals.revealAnnotation': revealAnnotation,
  'annals.filterAnnotations': filterAnnotations,
  'annals.clearAnnotationFilter': clearAnnotationFilter,
  // Codebook
  'annals.openCodebook': openCodebook,
  'annals.renameTag': renameTagCommand,
  'annals.deleteTag': deleteTagCommand,
  'annals.addTag': addTagCommand,
  'annals.addChildTag': addChildTagCommand,
  'annals.recolorTag': recolorTagCommand,
  'annals.describeTag': describeTagCommand,
  'annals.moveTag': moveTagCommand,
  'annals.changeTagId': changeTagIdCommand,
  'annals.createCodebook': createCodebookCommand,
  // Trends
  'annals.showTrends': showTrends,
  // Export
  'annals.exportAnnotations': exportAnnotations,
  // Coders, agreement and memos
  'annals.switchCoder': switchCoder,
  'annals.filterByCoder': filterByCoder,
  'annals.computeAgreement': computeAgreement,
  'annals.openReportMemo': openReportMemo,
  'annals.openProjectMemo': openProjectMemo,
  'annals.editCodeMemo': editCodeMemo,
  'annals.importQdpx': importQdpx,
  // Search across years
  'annals.searchReports': searchReportsCommand,
  'annals.openSearchResult': openSearchResult,
  'annals.tagSearchResult': tagSearchResult,
  'annals.tagAllSearchResults': tagAllSearchResults,
};

/** Registers every command of the table. */
export function registerCommands(services: Services): vscode.Disposable[] {
  return Object.entries(COMMANDS).map(([id, command]) => vscode.commands.registerCommand(id, command(services)));
}
