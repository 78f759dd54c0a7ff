/**
 * Import Report from URL… against a local HTTP server that serves saved pages and feeds: pages,
 * feeds with summary-only items, redirects, HTTP errors, timeouts, a page with no report, and a
 * file that already exists.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { fake } from './fake/vscode.ts';
import { COMMANDS } from '../../src/extension/commands/index.ts';
import { fetchSource, fileNameFor, isSummaryOnly } from '../../src/extension/importUrl.ts';
import { importSource, problemText } from '../../src/core/index.ts';
import { FIXTURES } from './helpers.ts';
import { testWorkspace } from './workspace.ts';

const GBK_PAGE = readFileSync(path.join(FIXTURES, 'nanhai-2017-page.gbk.html'));
const UTF8_PAGE = readFileSync(path.join(FIXTURES, 'nanhai-2017-page.utf8.html'));
const FULL_FEED = readFileSync(path.join(FIXTURES, 'nanhai-feed.rss.xml'));
let base = '';
let hits: string[] = [];
const server = http.createServer((req, res) => {
  hits.push(req.url ?? '');
  const send = (status: number, type: string, body: Uint8Array | string) => {
    res.writeHead(status, { 'content-type': type, 'last-modified': 'Tue, 18 Jun 2019 08:00:00 GMT', etag: '"v1"' });
    res.end(body);
  };
  switch (req.url) {
    case '/page.html':
      return send(200, 'text/html; charset=gbk', GBK_PAGE);
    case '/item.html':
      return send(200, 'text/html; charset=utf-8', UTF8_PAGE);
    case '/moved':
      res.writeHead(302, { location: '/page.html' });
      return res.end();
    case '/full-feed.xml':
      return send(200, 'application/rss+xml', FULL_FEED);
    case '/summary-feed.xml':
      return send(
        200,
        'application/rss+xml; charset=utf-8',
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>南海区人民政府</title><link>${base}/</link><description>d</description>
<item><title>佛山市南海区人民政府2017年法治政府建设工作报告</title><link>${base}/item.html</link><description>南海区2017年法治政府建设工作情况。</description><pubDate>Tue, 18 Jun 2019 08:00:00 GMT</pubDate></item>
<item><title>已删除的报告</title><link>${base}/gone.html</link><description>摘要。</description></item>
</channel></rss>`,
      );
    case '/home.html':
      return send(
        200,
        'text/html; charset=utf-8',
        '<html><head><title>首页</title></head><body><nav><a href="/">首页</a> <a href="/x">新闻</a></nav></body></html>',
      );
    case '/slow':
      return; // never answers
    default:
      return send(404, 'text/plain', 'not found');
  }
});

before(async () => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

test('fetchSource: bytes and the headers that matter; redirects followed; errors say what and where', async () => {
  const page = await fetchSource(`${base}/moved`, { maxBytes: 10_000_000 });
  assert.ok(page.ok);
  assert.equal(page.value.finalUrl, `${base}/page.html`);
  assert.deepEqual(Buffer.from(page.value.bytes), GBK_PAGE);
  assert.equal(page.value.headers['content-type'], 'text/html; charset=gbk');
  assert.equal(page.value.headers.etag, '"v1"');
  const missing = await fetchSource(`${base}/nope`, { maxBytes: 10_000_000 });
  assert.ok(!missing.ok);
  assert.equal(problemText(missing.problem), `The server answered 404 Not Found for ${base}/nope.`);
  const slow = await fetchSource(`${base}/slow`, { maxBytes: 10_000_000, timeoutMs: 200 });
  assert.ok(!slow.ok);
  assert.equal(slow.problem.code, 'fetchTimeout');
  const big = await fetchSource(`${base}/page.html`, { maxBytes: 100 });
  assert.ok(!big.ok);
  assert.equal(big.problem.code, 'fetchTooLarge');
  const ftp = await fetchSource('ftp://example.org/x', { maxBytes: 100 });
  assert.ok(!ftp.ok);
  assert.equal(ftp.problem.code, 'notHttpUrl');
  const refused = await fetchSource('http://127.0.0.1:1/x', { maxBytes: 100 });
  assert.ok(!refused.ok);
  assert.equal(refused.problem.code, 'fetchFailed');
});

test('fileNameFor: issuer, year and title from the report; unsafe characters replaced; a fallback', () => {
  assert.equal(
    fileNameFor({ issuer: '佛山市南海区人民政府', year: 2017, title: '佛山市南海区人民政府2017年法治政府建设工作报告' }, 'x', 'html'),
    '佛山市南海区人民政府-2017-法治政府建设工作报告.html',
  );
  assert.equal(fileNameFor({ issuer: null, year: null, title: 'a/b:c*d' }, 'x', 'txt'), 'a-b-c-d.txt');
  assert.equal(fileNameFor(null, 'example.org-report', 'xml'), 'example.org-report.xml');
  assert.equal(Array.from(fileNameFor({ issuer: null, year: null, title: '长'.repeat(200) }, 'x', 'txt')).length, 84);
});

test('Import Report from URL: a page is saved under reports/ with its provenance, and opened', async () => {
  const ws = testWorkspace('url');
  try {
    hits = [];
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/moved`);
    const dir = path.join(ws.root, 'reports');
    const saved = readdirSync(dir).filter((f) => !f.endsWith('.provenance.json'));
    assert.deepEqual(saved, ['佛山市南海区人民政府-2017-法治政府建设工作报告.html']);
    assert.deepEqual(readFileSync(path.join(dir, saved[0])), GBK_PAGE, 'the original bytes');
    const prov = JSON.parse(readFileSync(path.join(dir, `${saved[0]}.provenance.json`), 'utf8'));
    assert.equal(prov.url, `${base}/moved`);
    assert.equal(prov.finalUrl, `${base}/page.html`);
    assert.equal(prov.status, 200);
    assert.equal(prov.headers['last-modified'], 'Tue, 18 Jun 2019 08:00:00 GMT');
    assert.ok(!Number.isNaN(Date.parse(prov.fetched)));
    assert.ok(fake.shown.at(-1)?.uri.startsWith('annals:'), 'the report was opened');
    assert.deepEqual(fake.errors, []);
    // The same page again: the same bytes, nothing asked, no second file.
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/page.html`);
    assert.equal(readdirSync(dir).length, 2);
    // Other bytes under the same name: the user keeps both.
    writeFileSync(path.join(dir, saved[0]), 'changed');
    fake.messageChoice = (_m, items) => items.find((i) => i === 'Keep Both');
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/page.html`);
    assert.ok(existsSync(path.join(dir, '佛山市南海区人民政府-2017-法治政府建设工作报告-2.html')));
    assert.equal(readFileSync(path.join(dir, saved[0]), 'utf8'), 'changed', 'the other file is kept');
  } finally {
    ws.dispose();
  }
});

test('Import Report from URL: errors are shown and nothing is written', async () => {
  const ws = testWorkspace('url-err');
  try {
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/nope`);
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/home.html`);
    assert.equal(fake.errors.length, 2);
    assert.match(fake.errors[0], /answered 404/);
    assert.match(fake.errors[1], new RegExp(`No report was found at ${base}/home.html`));
    assert.ok(!existsSync(path.join(ws.root, 'reports')));
  } finally {
    ws.dispose();
  }
});

test('Import Report from URL: a feed; summary-only items are fetched as pages, a missing one is reported', async () => {
  const ws = testWorkspace('url-feed');
  try {
    hits = [];
    fake.quickPickChoice = (items) => items; // every item
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/summary-feed.xml`);
    assert.ok(hits.includes('/item.html') && hits.includes('/gone.html'), `the items' pages were fetched: ${hits}`);
    const dir = path.join(ws.root, 'reports');
    const saved = readdirSync(dir).sort();
    assert.deepEqual(saved, ['佛山市南海区人民政府-2017-法治政府建设工作报告.html', '佛山市南海区人民政府-2017-法治政府建设工作报告.html.provenance.json']);
    assert.equal(JSON.parse(readFileSync(path.join(dir, saved[1]), 'utf8')).feed, `${base}/summary-feed.xml`);
    assert.equal(fake.warnings.length, 1);
    assert.match(fake.warnings[0], /1 of 2 items could not be imported: The server answered 404/);
  } finally {
    ws.dispose();
  }
});

test('Import Report from URL: a feed with full items is kept whole, once', async () => {
  const ws = testWorkspace('url-full');
  try {
    const imp = importSource('feed.xml', FULL_FEED);
    assert.ok(imp.reports.length === 3 && imp.reports.every((r) => !isSummaryOnly(r)));
    fake.quickPickChoice = (items) => items;
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/full-feed.xml`);
    const saved = readdirSync(path.join(ws.root, 'reports')).sort();
    assert.equal(saved.length, 2);
    assert.ok(saved[0].endsWith('.xml'));
    assert.deepEqual(readFileSync(path.join(ws.root, 'reports', saved[0])), FULL_FEED);
  } finally {
    ws.dispose();
  }
});

test('annals.importFolder stays inside the workspace', async () => {
  const ws = testWorkspace('url-folder');
  try {
    fake.settings['annals.importFolder'] = '../outside';
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/page.html`);
    assert.ok(existsSync(path.join(ws.root, 'reports')), 'the default folder, not ../outside');
    assert.ok(!existsSync(path.join(ws.root, '..', 'outside')));
    fake.settings['annals.importFolder'] = 'sources/web';
    mkdirSync(path.join(ws.root, 'sources'), { recursive: true });
    await COMMANDS['annals.importFromUrl'](ws.services)(`${base}/page.html`);
    assert.ok(existsSync(path.join(ws.root, 'sources/web')));
  } finally {
    ws.dispose();
  }
});
