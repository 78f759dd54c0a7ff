import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { fake, FakeDocument, Position } from './fake/vscode.ts';
import { COMMANDS } from '../../src/extension/commands/index.ts';
import { isRawSource, rawLineProbe } from '../../src/extension/commands/reports.ts';
import { testWorkspace } from './workspace.ts';

test('isRawSource: a source file by its extension, never an annals: document', () => {
  assert.equal(isRawSource(new FakeDocument(vscode.Uri.file('/w/report.txt'), '') as never), true);
  assert.equal(isRawSource(new FakeDocument(vscode.Uri.file('/w/page.HTM'), '') as never), true);
  assert.equal(isRawSource(new FakeDocument(vscode.Uri.file('/w/notes.md'), '') as never), false);
  assert.equal(isRawSource(new FakeDocument(vscode.Uri.parse('annals:/w/report.txt?r1'), '') as never), false);
});

test('rawLineProbe: the longest run of text in a raw line, markup and entities left out', () => {
  assert.equal(rawLineProbe('<p class="x">　　（一）完善依法行政制度体系。</p>'), '（一）完善依法行政制度体系。');
  assert.equal(rawLineProbe('&nbsp;<br/>'), '');
  assert.equal(rawLineProbe('  2018年，区政府共召开常务会议24次  '), '2018年，区政府共召开常务会议24次');
});

test('Tag Paragraph in a raw source file offers the report, and opens it at the paragraph of the cursor', async () => {
  const ws = testWorkspace('raw');
  try {
    const file = path.join(ws.root, 'nanhai/nanhai-feed-flattened.txt');
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');
    const at = lines.findIndex((l) => l.includes('行政复议') && l.length > 40);
    assert.ok(at > 0, 'the sample has a 行政复议 paragraph');
    fake.activeTextEditor = { document: new FakeDocument(vscode.Uri.file(file), text), selection: { active: new Position(at, 3) } };
    let asked = '';
    fake.messageChoice = (message, items) => {
      asked = message;
      return items[0];
    };
    await COMMANDS['annals.tagParagraph'](ws.services)();
    assert.match(asked, /source file of a report/);
    const shown = fake.shown.at(-1);
    assert.ok(shown, 'a document was opened');
    assert.ok(shown.uri.startsWith('annals:'), `the report document, not the raw file: ${shown.uri}`);
    const probe = rawLineProbe(lines[at]);
    const opened = await vscode.workspace.openTextDocument(vscode.Uri.parse(shown.uri));
    assert.ok(opened.getText().split('\n')[shown.selection!.start.line].includes(probe), 'the cursor is on the paragraph of the raw line');
    // Declining does nothing.
    fake.shown = [];
    fake.messageChoice = () => undefined;
    await COMMANDS['annals.tagParagraph'](ws.services)();
    assert.deepEqual(fake.shown, []);
  } finally {
    ws.dispose();
  }
});
