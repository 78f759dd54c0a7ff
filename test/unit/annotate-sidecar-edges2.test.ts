/**
 * Edge rows for the mutation testing of src/core/annotate (see stryker.config.mjs): the sidecar
 * writer (sidecar/encode.ts: the member-by-member path, the incremental encoder, sameBytes), the
 * sidecar reader (sidecar/parse.ts), the paragraph index (paragraphIndex.ts) and auto-tagging
 * (autotag.ts). Each row is named for the slip it catches.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Annotation,
  AnnotationStore,
  type AnnotationTarget,
  applyAutoTag,
  bigrams,
  compareAnnotations,
  dice,
  encodeSidecar,
  findMatches,
  makeMatcher,
  makeTarget,
  matchesOf,
  matchPlace,
  ParagraphIndex,
  parseSidecar,
  reportYears,
  SidecarEncoder,
  sameBytes,
  serializeSidecar,
} from '../../src/core/annotate/index.ts';
import { buildReport, problemText, type Report } from '../../src/core/index.ts';
import { FIXTURES, fromText } from './helpers.ts';
import { fakeClock, MemFs } from './memfs.ts';
import { rng } from '../../bench/rng.ts';

const T1 = '2026-01-01T00:00:00.000Z';
const T2 = '2026-02-01T00:00:00.000Z';
const decode = (b: Uint8Array) => new TextDecoder().decode(b);
const utf8 = new TextEncoder();

/** A small seeded random source (bench/rng.ts's mulberry32), so that every run checks the same cases. */
const random = rng;

// ---------------------------------------------------------------------------------------------
// encode.ts: an annotation that lacks one member (a hand-made list, an old file) is written as
// JSON.stringify(…, null, 2) writes it: the member left out, never `"id": undefined`.

/** The usual annotation, every member there, keys in the documented order. */
const usual = (): Record<string, unknown> => ({
  id: 'a1',
  report: '2013年政府工作报告',
  target: {
    paragraph: 'p-7f3a',
    quote: { type: 'TextQuoteSelector', exact: '简政放权', prefix: '深化行政体制改革，', suffix: '，放管结合' },
    position: { type: 'TextPositionSelector', start: 120, end: 124 },
  },
  tags: ['reform', 'gov'],
  note: '见第三部分',
  author: '李',
  created: T1,
  modified: T2,
});

/** The file JSON.stringify writes for these annotations. */
const generic = (annotations: unknown[]) => `${JSON.stringify({ version: 1, source: '报告.txt', annotations }, null, 2)}\n`;

/** Deletes a member at a dotted path of the usual annotation. */
function without(pathText: string): Record<string, unknown> {
  const a = usual();
  const keys = pathText.split('.');
  let o = a as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  delete o[keys[keys.length - 1]];
  return a;
}

const missing = [
  'id',
  'report',
  'target.quote.prefix',
  'target.quote.suffix',
  'target.position.start',
  'target.position.end',
  'note',
  'author',
  'created',
  'modified',
];
for (const member of missing) {
  test(`encodeSidecar: an annotation without ${member} is written without it (not as "undefined")`, () => {
    const text = decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [without(member) as unknown as Annotation] }));
    assert.equal(text, generic([without(member)]));
    assert.ok(!text.includes('undefined'));
  });
}

test('encodeSidecar: a target without a position (quote intact) is written with a bare selector type, not a crash', () => {
  const a = without('target.position');
  const want = usual() as Record<string, unknown> & { target: Record<string, unknown> };
  want.target.position = { type: 'TextPositionSelector' };
  assert.equal(decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [a as unknown as Annotation] })), generic([want]));
});

test('encodeSidecar: a tag list holding a missing entry writes null there, as JSON does', () => {
  const a = { ...usual(), tags: ['reform', undefined] };
  const text = decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [a as unknown as Annotation] }));
  assert.equal(text, generic([{ ...usual(), tags: ['reform', null] }]));
  assert.ok(text.includes('"reform",\n        null\n      ]'));
});

test('encodeSidecar: a resolvedBy JSON cannot hold is left out, resolved kept', () => {
  const a = { ...usual(), resolvedBy: () => '王', resolved: T2 };
  const want = { ...usual(), resolved: T2 };
  assert.equal(decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [a as unknown as Annotation] })), generic([want]));
});

test('encodeSidecar: resolved written last even on the member-by-member path (no note)', () => {
  const a = { ...without('note'), resolvedBy: '王', resolved: T2 };
  const text = decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [a as unknown as Annotation] }));
  assert.equal(text, generic([a]));
  assert.ok(text.includes(`"resolvedBy": "王",\n      "resolved": "${T2}"\n    }`));
});

test('encodeSidecar: an empty annotation object is written as {}', () => {
  const text = decode(encodeSidecar({ version: 1, source: '报告.txt', annotations: [{} as unknown as Annotation] }));
  assert.equal(text, '{\n  "version": 1,\n  "source": "报告.txt",\n  "annotations": [\n    {}\n  ]\n}\n');
});

// ---------------------------------------------------------------------------------------------
// encode.ts: the incremental encoder. Each save gives exactly the plain bytes, after any edit.

const T = (n: number) => `2026-01-${String(1 + (n % 28)).padStart(2, '0')}T00:00:00.000Z`;
function ann(k: number, start: number, note = ''): Annotation {
  return {
    id: `a${String(k).padStart(3, '0')}`,
    report: k % 3 ? '2013' : '2014',
    target: {
      paragraph: `p${start}`,
      quote: { type: 'TextQuoteSelector', exact: `稳增长${k}`, prefix: '坚持', suffix: '，调结构' },
      position: { type: 'TextPositionSelector', start, end: start + 4 },
    },
    tags: k % 2 ? ['growth'] : [],
    note,
    author: '张',
    created: T(k),
    modified: T(k + 1),
  };
}
const sorted = (xs: Annotation[]) => [...xs].sort(compareAnnotations);
const plain = (source: string, xs: Annotation[]) => utf8.encode(serializeSidecar({ version: 1, source, annotations: xs }));

test('SidecarEncoder: a scripted series of saves (delete the first, append, insert in front, edit the middle) gives the plain bytes each time', () => {
  const enc = new SidecarEncoder();
  const A = ann(1, 10);
  const B = ann(2, 20);
  const C = ann(3, 30);
  const D = ann(4, 40);
  const X = ann(5, 5);
  const Y = ann(6, 1);
  const steps: Annotation[][] = [
    [X, A, B],
    [A, B], // the first deleted: its follower loses the separator
    [A, B, C], // appended after a tail that moved
    [Y, A, B, C], // inserted in front: the old first gets a separator
    [Y, A, { ...B, note: '改' }, C], // an edit in the middle
    [A, C], // two gone
    [A, C, D],
    [X, A, C, D],
    [C, D], // the first two gone
    [C],
    [],
    [A],
    [A, B, C, D],
    [B, C, D],
    [B, C, D],
  ];
  for (const [i, list] of steps.entries()) {
    const got = enc.encode('报告.txt', sorted(list));
    assert.deepEqual(decode(got), decode(plain('报告.txt', sorted(list))), `step ${i}`);
  }
});

test('SidecarEncoder: a result stays valid until the second encode after it (the two sides alternate)', () => {
  const enc = new SidecarEncoder();
  const A = ann(1, 10);
  const B = ann(2, 20);
  const first = enc.encode('a.txt', [A, B]);
  const firstCopy = first.slice();
  const second = enc.encode('a.txt', [A, { ...B, note: '第二次保存' }]);
  assert.deepEqual(first, firstCopy, 'the first result is not written over by the second encode');
  const secondCopy = second.slice();
  enc.encode('a.txt', [A, { ...B, note: '第三次' }]);
  assert.deepEqual(second, secondCopy, 'the second result is not written over by the third encode');
  // Passing the bytes kept on disk: never written over, whichever side holds them.
  const kept = enc.encode('a.txt', [A]);
  const keptCopy = kept.slice();
  enc.encode('a.txt', [A, B], kept);
  enc.encode('a.txt', [B], kept);
  assert.deepEqual(kept, keptCopy);
});

test('SidecarEncoder: 200 seeded random edits of a list of 60 annotations, each save the plain bytes', () => {
  const rnd = random(7);
  const enc = new SidecarEncoder();
  let list: Annotation[] = [];
  let k = 0;
  let keep: Uint8Array | null = null;
  let keepCopy: Uint8Array | null = null;
  for (let step = 0; step < 200; step++) {
    let next = [...list];
    const r = rnd();
    if (r < 0.35 || next.length < 3)
      for (let j = Math.floor(rnd() * 4); j >= 0; j--) next.push(ann(k++, Math.floor(rnd() * 500), rnd() < 0.2 ? '含"引号"\n与换行' : ''));
    else if (r < 0.6) next.splice(Math.floor(rnd() * next.length), 1 + Math.floor(rnd() * 2));
    else if (r < 0.85) {
      const at = Math.floor(rnd() * next.length);
      next[at] = { ...next[at], note: `改${step}`, modified: T(step) };
    } else if (r < 0.9) next = next.slice(1);
    else if (r < 0.95) next = next.slice(0, -1);
    next = sorted(next);
    const source = step % 50 === 49 ? '另一个.txt' : '报告.txt';
    const got = enc.encode(source, next, keep);
    assert.deepEqual(decode(got), decode(plain(source, next)), `step ${step}`);
    if (keep && keepCopy) assert.deepEqual(keep, keepCopy, `step ${step}: the kept bytes are as they were`);
    if (rnd() < 0.5) {
      keep = got;
      keepCopy = got.slice();
    }
    list = next;
  }
});

test('encodeSidecar and serializeSidecar sort an unsorted list the same way (report, position, id)', () => {
  const list = [ann(4, 40), ann(1, 10), ann(3, 10), ann(2, 20)];
  const text = serializeSidecar({ version: 1, source: 'a.txt', annotations: list });
  assert.equal(decode(encodeSidecar({ version: 1, source: 'a.txt', annotations: list })), text);
  const ids = [...text.matchAll(/"id": "(a\d+)"/g)].map((m) => m[1]);
  assert.deepEqual(ids, ['a001', 'a002', 'a004', 'a003']);
});

// ---------------------------------------------------------------------------------------------
// encode.ts: sameBytes at every pair of offsets (0–11) and lengths 0–24, with each byte flipped.

test('sameBytes: equal views at every pair of offsets are equal; one flipped byte anywhere is found', () => {
  const src = Uint8Array.from({ length: 64 }, (_, i) => (i * 37 + 11) & 0xff);
  for (let oa = 0; oa < 12; oa++) {
    for (let ob = 0; ob < 12; ob++) {
      for (const len of [0, 1, 3, 7, 8, 9, 12, 15, 16, 17, 23, 24, 40]) {
        const a = new Uint8Array(64 + oa);
        a.set(src.subarray(0, len), oa);
        const b = new Uint8Array(64 + ob);
        b.set(src.subarray(0, len), ob);
        // Bytes before and past the views differ, so a comparison that reads outside them is wrong.
        a.fill(0x11, 0, oa);
        b.fill(0x22, 0, ob);
        a.fill(0xaa, oa + len);
        b.fill(0x55, ob + len);
        const va = a.subarray(oa, oa + len);
        const vb = b.subarray(ob, ob + len);
        assert.equal(sameBytes(va, vb), true, `offsets ${oa}/${ob}, length ${len}`);
        for (let f = 0; f < len; f++) {
          b[ob + f] ^= 0x80;
          assert.equal(sameBytes(va, vb), false, `offsets ${oa}/${ob}, length ${len}, byte ${f} flipped`);
          b[ob + f] ^= 0x80;
        }
        if (len) assert.equal(sameBytes(va, b.subarray(ob, ob + len - 1)), false, 'lengths differ');
      }
    }
  }
});

// ---------------------------------------------------------------------------------------------
// parse.ts

const file = (annotations: unknown[], top: Record<string, unknown> = {}) => JSON.stringify({ version: 1, source: '报告.txt', annotations, ...top });
const errorOf = (text: string) => {
  const r = parseSidecar(text, '报告.txt.annals.json');
  assert.equal(r.ok, false);
  return r.ok ? null : r.problem;
};

test('parseSidecar: version 0 and version "1" are invalid versions, not newer ones', () => {
  assert.deepEqual(errorOf(JSON.stringify({ version: 0, annotations: [] })), {
    code: 'inFile',
    args: ['报告.txt.annals.json', { code: 'sidecarVersionInvalid', args: ['the number 0'] }],
  });
  assert.deepEqual(errorOf(JSON.stringify({ version: '2', annotations: [] })), {
    code: 'inFile',
    args: ['报告.txt.annals.json', { code: 'sidecarVersionInvalid', args: ['the string "2"'] }],
  });
});

test('parseSidecar: a file without source reads with an empty source', () => {
  const r = parseSidecar(JSON.stringify({ version: 1, annotations: [] }), 'x.annals.json');
  assert.deepEqual(r, { ok: true, value: { version: 1, source: '', annotations: [] } });
});

test('parseSidecar: an empty id, report or paragraph is named', () => {
  const a = usual() as Record<string, unknown> & { target: Record<string, unknown> };
  a.id = '';
  a.report = '';
  a.target.paragraph = '';
  const p = errorOf(file([a]));
  assert.deepEqual(p?.args[0], '报告.txt.annals.json');
  const text = String(p?.args[1]);
  assert.match(text, /annotations\[0\]\.id: /);
  assert.match(text, /annotations\[0\]\.report: /);
  assert.match(text, /annotations\[0\]\.target\.paragraph: /);
  assert.equal(text.split('; ').length, 3);
});

test('parseSidecar: a missing or non-object quote is named (missing / found …)', () => {
  const a = without('target.quote');
  assert.deepEqual(errorOf(file([a])), {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[0].target.quote: missing (expected a TextQuoteSelector)'],
  });
  const b = usual() as Record<string, unknown> & { target: Record<string, unknown> };
  b.target.quote = '简政放权';
  assert.deepEqual(errorOf(file([b])), {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[0].target.quote: expected an object, found the string "简政放权"'],
  });
});

test('parseSidecar: a missing created is named once (no date-time complaint about “undefined”)', () => {
  assert.deepEqual(errorOf(file([without('created')])), {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[0].created: missing (expected a string)'],
  });
  assert.deepEqual(errorOf(file([without('modified')])), {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[0].modified: missing (expected a string)'],
  });
});

test('parseSidecar: a broken annotation that repeats an id is not also reported as a duplicate', () => {
  const good = usual();
  const badDate = { ...usual(), created: '去年' };
  const p = errorOf(file([good, badDate]));
  assert.deepEqual(p, {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[1].created: “去年” is not an ISO-8601 date and time in the years 0000–9999'],
  });
  const noTarget = without('target');
  assert.deepEqual(errorOf(file([good, noTarget])), {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[1].target: missing (expected {paragraph, quote, position})'],
  });
  // Two annotations without ids: each named once, no “duplicate id undefined”.
  const p2 = errorOf(file([without('id'), without('id')]));
  assert.deepEqual(p2, {
    code: 'inFile',
    args: ['报告.txt.annals.json', 'annotations[0].id: missing (expected a string); annotations[1].id: missing (expected a string)'],
  });
  const p3 = errorOf(file([without('modified'), without('modified')]));
  assert.equal(String(p3?.args[1]).includes('duplicate'), false);
  const noReport = without('report');
  assert.equal(String(errorOf(file([noReport, without('report')]))?.args[1]).includes('duplicate'), false);
  const noPosition = without('target.position');
  assert.equal(String(errorOf(file([good, noPosition]))?.args[1]).includes('duplicate'), false);
});

// ---------------------------------------------------------------------------------------------
// paragraphIndex.ts: against a scan of every paragraph, on a real report (many paragraphs share
// the common bigrams, more than a thousand distinct bigrams, repeated bigrams in a paragraph).

const reportOf = (blocks: string[]) => buildReport({ title: '2013年政府工作报告', link: null, date: null, blocks, diagnostics: [] }, null);

let realReport: Report | null = null;
function real(): Report {
  if (!realReport) {
    const text = readFileSync(path.join(FIXTURES, 'national/gwr-national-2013.txt'), 'utf8');
    const blocks = text.split('\n').filter((l) => l.trim());
    blocks.push('发展发展发展发展，改革改革改革。', '稳增长稳增长稳增长、调结构调结构', '发展');
    realReport = reportOf(blocks);
  }
  return realReport;
}

/** Queries a user's tags give: spans of paragraphs, some edited, some joined, some repeated. */
function queries(r: Report, count: number, seed: number): string[] {
  const rnd = random(seed);
  const out: string[] = [];
  for (let q = 0; q < count; q++) {
    const p = r.paragraphs[Math.floor(rnd() * r.paragraphs.length)].text;
    const len = 2 + Math.floor(rnd() * Math.min(80, p.length));
    const at = Math.floor(rnd() * Math.max(1, p.length - len));
    let s = p.slice(at, at + len);
    const kind = rnd();
    if (kind < 0.3 && s.length > 4) s = `${s.slice(0, 2)}改${s.slice(3)}`;
    else if (kind < 0.45) s = `${s}${r.paragraphs[Math.floor(rnd() * r.paragraphs.length)].text.slice(0, 12)}`;
    else if (kind < 0.55) s = `${s.slice(0, 4)}${s.slice(0, 4)}${s.slice(0, 4)}`;
    out.push(s);
  }
  return out;
}

test('ParagraphIndex.similar: on a real report, exactly the paragraphs a scan finds, at several bars', () => {
  const r = real();
  const index = new ParagraphIndex(r);
  const grams = r.paragraphs.map((p) => bigrams(p.text));
  for (const [n, qtext] of queries(r, 60, 11).entries()) {
    const g = bigrams(qtext);
    const min = [0.2, 0.35, 0.5, 0.7, 0.9][n % 5];
    const want = grams.flatMap((pg, i) => {
      const d = dice(g, pg);
      return d >= min ? [{ paragraph: i, similarity: d }] : [];
    });
    assert.deepEqual(index.similar(g, min), want, `query “${qtext}” at ${min}`);
  }
  assert.deepEqual(index.similar(new Uint32Array(0), 0.5), [], 'an empty quote is like no paragraph');
});

test('ParagraphIndex.containing: on a real report, exactly the paragraphs that hold the share, at several bars', () => {
  const r = real();
  const index = new ParagraphIndex(r);
  const grams = r.paragraphs.map((p) => bigrams(p.text));
  for (const [n, qtext] of queries(r, 60, 23).entries()) {
    const g = bigrams(qtext);
    const min = [0.3, 0.5, 0.6, 0.8, 1][n % 5];
    const want = grams.flatMap((pg, i) => {
      const share = Math.round((dice(g, pg) * (g.length + pg.length)) / 2) / g.length;
      return share >= min ? [{ paragraph: i, share }] : [];
    });
    assert.deepEqual(index.containing(g, min), want, `query “${qtext}” at ${min}`);
  }
  assert.deepEqual(index.containing(new Uint32Array(0), 0.5), []);
});

test('ParagraphIndex: every paragraph of a real report (thousands of distinct bigrams) holds all of its own bigrams', () => {
  const r = real();
  const index = new ParagraphIndex(r);
  const distinct = new Set(r.paragraphs.flatMap((p) => [...bigrams(p.text)]));
  assert.ok(distinct.size > 2048, `enough distinct bigrams to grow the index's tables (${distinct.size})`);
  for (const [i, p] of r.paragraphs.entries()) {
    if (p.text.length < 2) continue;
    const found = index.containing(bigrams(p.text), 1).map((c) => c.paragraph);
    assert.ok(found.includes(i), `paragraph ${i} “${p.text.slice(0, 20)}” holds its own bigrams`);
  }
});

test('ParagraphIndex.containing: a share of exactly the bar counts (3 of 4 bigrams at 0.75)', () => {
  const r = reportOf(['推进依法行政', '推进依法治国', '其他内容']);
  const index = new ParagraphIndex(r);
  // 推进依法行 has bigrams 推进 进依 依法 法行: 推进依法治国 holds 3 of 4.
  assert.deepEqual(index.containing(bigrams('推进依法行'), 0.75), [
    { paragraph: 0, share: 1 },
    { paragraph: 1, share: 0.75 },
  ]);
});

test('ParagraphIndex.similar: the longest paragraph that can still reach the bar is found (Dice exactly 0.5)', () => {
  // 依法行政 has 3 bigrams; a 10-character paragraph holding it has 9: Dice 2·3 / (3 + 9) = 0.5.
  const r = reportOf(['推进依法行政建设法治', '依法行政', '推进依法行政建设法治政府']);
  const index = new ParagraphIndex(r);
  assert.deepEqual(index.similar(bigrams('依法行政'), 0.5), [
    { paragraph: 0, similarity: 0.5 },
    { paragraph: 1, similarity: 1 },
  ]);
});

test('ParagraphIndex.occurrences: on a real report, every place in text order, cut at max', () => {
  const r = real();
  const index = new ParagraphIndex(r);
  const scan = (needle: string, max: number) => {
    const hits: number[] = [];
    for (const p of r.paragraphs) {
      for (let h = p.text.indexOf(needle); h >= 0 && hits.length < max; h = p.text.indexOf(needle, h + 1)) hits.push(p.start + h);
      if (hits.length >= max) break;
    }
    return hits;
  };
  const needles = ['发展', '经济发展', '改革开放', '发展发展', '稳增长稳增长', '政府工作报告', '。', '着力', '2012年', '不存在的词语', ...queries(r, 40, 5)];
  for (const needle of needles) {
    for (const max of [1, 3, 64, 100000]) {
      assert.deepEqual(index.occurrences(needle, max), needle.length < 2 ? null : scan(needle, max), `“${needle}” at most ${max}`);
    }
  }
  assert.equal(index.occurrences('发展')?.length, Math.min(64, scan('发展', 100000).length));
  assert.ok(scan('发展', 100000).length > 64, 'a common word occurs more often than the default cap');
});

// ---------------------------------------------------------------------------------------------
// autotag.ts

const SPEECH = [
  '2013年政府工作报告',
  '2012年改革工作回顾',
  '一、深化改革',
  '深化行政体制改革，简政放权，推进政府职能转变取得新进展。',
  '二、依法行政',
  '推进依法行政，建设法治政府，改革完善行政复议制度。',
  '2013年改革工作安排',
  '一、继续改革',
  '改革开放继续深化，全面深化经济体制改革。',
  '谢谢大家！',
].join('\n\n');
const speech = () => fromText(SPEECH, '某市.txt').reports[0];
const textMatcher = (s: string) => {
  const m = makeMatcher(s, 'text');
  assert.ok(m.ok);
  return m;
};
const placed = (r: Report, paragraph: number, tags: string[], id: string): Annotation => {
  const t = makeTarget(r, paragraph);
  assert.ok(t.ok);
  return { id, report: r.id, target: t.value.target, tags, note: '', author: '', created: T1, modified: T1 };
};

test('findMatches: by default a part heading (“2012年改革工作回顾”) is searched too', () => {
  const r = speech();
  assert.deepEqual(
    r.paragraphs.map((p) => p.role),
    ['part', 'chapter', 'body', 'chapter', 'body', 'part', 'chapter', 'body', 'body'],
  );
  const found = findMatches([r], textMatcher('改革'));
  assert.deepEqual(
    found.map((f) => [f.paragraph, f.match.start, f.already]),
    [
      [0, 5, false],
      [1, 4, false],
      [2, 6, false],
      [4, 14, false],
      [5, 5, false],
      [6, 4, false],
      [7, 0, false],
    ],
  );
});

test('findMatches and matchesOf: a tag to apply without existing annotations marks nothing (no crash)', () => {
  const r = speech();
  assert.deepEqual(
    findMatches([r], textMatcher('依法行政'), { tag: 'reform' }).map((f) => [f.paragraph, f.already]),
    [
      [3, false],
      [4, false],
    ],
  );
  assert.deepEqual(
    matchesOf(r, [{ paragraph: 4, start: 2, end: 6 }], { tag: 'reform' }).map((f) => [f.paragraph, f.already]),
    [[4, false]],
  );
});

test('findMatches and matchesOf: already only where an annotation placed with confidence carries this tag, of this report', () => {
  const before = speech();
  const existing = [
    placed(before, 4, ['reform'], 'a1'), // its paragraph is edited below: needs review, not “already”
    placed(before, 2, ['other'], 'a2'), // another tag
    placed(before, 7, ['reform'], 'a3'), // placed exactly: already
  ];
  const after = fromText(
    SPEECH.replace('推进依法行政，建设法治政府，改革完善行政复议制度。', '推进依法行政，建设法治政府，完善行政复议制度和行政诉讼。'),
    '某市.txt',
  ).reports[0];
  assert.equal(after.id, before.id);
  const any = makeMatcher('改革|行政');
  assert.ok(any.ok);
  const found = findMatches([after], any, { tag: 'reform', existing });
  assert.deepEqual(
    found.map((f) => [f.paragraph, f.already]),
    [
      [0, false],
      [1, false],
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, false],
      [7, true],
    ],
  );
  const hits = [2, 4, 7].map((paragraph) => ({ paragraph, start: 0, end: 2 }));
  assert.deepEqual(
    matchesOf(after, hits, { tag: 'reform', existing }).map((f) => [f.paragraph, f.already]),
    [
      [2, false],
      [4, false],
      [7, true],
    ],
  );
  // The same tag on the same text, but in another report (another year): not this report's.
  const other = fromText(SPEECH.replace('2013年政府工作报告', '2014年政府工作报告'), '某市.txt').reports[0];
  assert.notEqual(other.id, before.id);
  const elsewhere = [placed(other, 2, ['reform'], 'b1')];
  assert.deepEqual(
    matchesOf(after, hits, { tag: 'reform', existing: elsewhere }).map((f) => f.already),
    [false, false, false],
  );
});

test('reportYears: years given out of order come newest first, each once', () => {
  const r = (year: number | null) => ({ ...speech(), year }) as Report;
  assert.deepEqual(reportYears([r(2012), r(2014), r(null), r(2013), r(2014), r(2009)]), [2014, 2013, 2012, 2009]);
});

test('matchPlace: no heading known for the paragraph gives an empty heading; an empty chapter falls back to the part', () => {
  const r = speech();
  const [m] = findMatches([r], textMatcher('简政放权'));
  assert.deepEqual(
    matchPlace(m, false, () => []),
    { year: 2013, title: null, heading: '' },
  );
  const headings = () => r.paragraphs.map(() => ({ part: '2012年改革工作回顾', chapter: '' }));
  assert.deepEqual(matchPlace(m, true, headings), { year: 2013, title: '2013年政府工作报告', heading: '2012年改革工作回顾' });
  const none = () => r.paragraphs.map(() => ({ part: '', chapter: '' }));
  assert.deepEqual(matchPlace(m, false, none), { year: 2013, title: null, heading: '' });
});

test('makeMatcher: only a whole /…/flags input is a regex literal; other slashes are part of the pattern', () => {
  const dates = makeMatcher('2013/12/');
  assert.ok(dates.ok);
  assert.equal(dates.regex.source, '2013\\/12\\/');
  assert.equal(dates.label, '/2013/12//');
  const tail = makeMatcher('/改革/开放');
  assert.ok(tail.ok);
  assert.equal(tail.regex.source, '\\/改革\\/开放');
  assert.equal(tail.regex.test('/改革/开放'), true);
});

test('makeMatcher: an invalid regex names the source, the flags and the engine’s reason without its prefix', () => {
  assert.deepEqual(makeMatcher('(改革'), { ok: false, problem: { code: 'invalidRegex', args: ['(改革', '', 'Unterminated group'] } });
  assert.deepEqual(makeMatcher('/[改革/i'), { ok: false, problem: { code: 'invalidRegex', args: ['[改革', 'i', 'Unterminated character class'] } });
});

test('applyAutoTag: a read-only store (unreadable sidecar) refuses the first add and stops there', async () => {
  const fs = new MemFs();
  fs.put('/ws/某市.txt.annals.json', '{"version": 1, "annotations": [}');
  const store = await AnnotationStore.open(fs, '/ws/某市.txt', { now: fakeClock() });
  assert.equal(store.readOnly, true);
  const found = findMatches([speech()], textMatcher('改革'));
  assert.equal(found.length, 7);
  const res = applyAutoTag(store, found, 'reform');
  assert.deepEqual(res.added, []);
  assert.equal(res.skipped, 0);
  assert.equal(res.errors.length, 1);
  assert.match(problemText(res.errors[0]), /refused until the file is fixed/);
  // A writable store adds one whole-paragraph annotation per match, skipping those already tagged.
  const fine = await AnnotationStore.open(new MemFs(), '/ws/某市.txt', { now: fakeClock() });
  const ok = applyAutoTag(fine, [...found.slice(0, 2), { ...found[2], already: true }], 'reform');
  assert.deepEqual(
    ok.added.map((a) => [a.target.quote.exact, a.tags]),
    [
      ['2012年改革工作回顾', ['reform']],
      ['一、深化改革', ['reform']],
    ],
  );
  assert.equal(ok.skipped, 1);
  assert.deepEqual(ok.errors, []);
  // A writable store that refuses one add (a report without an id) goes on with the next.
  const noId = { ...speech(), id: '' } as Report;
  const refused = applyAutoTag(fine, [{ ...found[3], report: noId }, { ...found[4], report: noId }, found[5]], 'reform');
  assert.equal(refused.errors.length, 2);
  assert.deepEqual(
    refused.added.map((a) => a.target.quote.exact),
    ['一、继续改革'],
  );
});

// ---------------------------------------------------------------------------------------------
// lock.ts, through the store's save.

const SRC = '/ws/reports/某市.txt';
const SIDE = '/ws/reports/某市.txt.annals.json';
const LOCK = `${SIDE}.lock`;
const tgt = (n: number): AnnotationTarget => ({
  paragraph: `p${n.toString(16).padStart(8, '0')}`,
  quote: { type: 'TextQuoteSelector', exact: `段落${n}`, prefix: '\n', suffix: '\n' },
  position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 4 },
});

test('lock: each save writes a lock naming this process with a fresh 24-hex-digit token', async () => {
  const fs = new MemFs();
  const seen: string[] = [];
  const create = fs.createExclusive.bind(fs);
  fs.createExclusive = async (p, data) => {
    if (p === LOCK) seen.push(new TextDecoder().decode(data));
    return create(p, data);
  };
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock() });
  for (let k = 0; k < 12; k++) {
    s.add({ report: 'r', target: tgt(k), tags: ['t'] });
    assert.ok((await s.save()).ok);
  }
  assert.equal(seen.length, 12);
  const tokens = seen.map((t) => JSON.parse(t).token as string);
  for (const t of tokens) assert.match(t, /^[0-9a-f]{24}$/);
  assert.equal(new Set(tokens).size, 12);
  assert.deepEqual(Object.keys(JSON.parse(seen[0])), ['pid', 'host', 'time', 'token']);
  assert.equal(fs.text(LOCK), undefined, 'released after each save');
});

test('lock: a lock file whose time is a bare year is not a named lock: it is dated by the file and named as unknown', async () => {
  const fs = new MemFs();
  fs.running.add(4242);
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 20, staleMs: 60_000 } });
  s.add({ report: 'r', target: tgt(1), tags: ['t'] });
  fs.clock = Date.now();
  fs.put(LOCK, '{"pid":4242,"host":"memory","time":2013,"token":"x"}\n');
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'sidecarLocked');
  assert.match(problemText(r.problem), /held by a writer that left no name/);
});

test('lock: a lock that vanishes between our attempt and our read is simply taken on the next try', async () => {
  const fs = new MemFs();
  const create = fs.createExclusive.bind(fs);
  let first = true;
  fs.createExclusive = async (p, data) => {
    if (p === LOCK && first) {
      first = false;
      throw Object.assign(new Error(`${p}: exists`), { code: 'FileExists' });
    }
    return create(p, data);
  };
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 2000, staleMs: 60_000 } });
  s.add({ report: 'r', target: tgt(1), tags: ['t'] });
  assert.deepEqual(await s.save(), { ok: true, value: { written: true } });
  assert.equal(JSON.parse(fs.text(SIDE)!).annotations.length, 1);
});

test('lock: a stale lock that cannot be removed is waited for like a held one, then named', { timeout: 5000 }, async () => {
  const fs = new MemFs();
  fs.put(LOCK, `${JSON.stringify({ pid: 77, host: 'elsewhere', time: '2020-01-01T00:00:00.000Z', token: 'old' })}\n`);
  const del = fs.delete.bind(fs);
  fs.delete = (p) =>
    p === LOCK ? new Promise((_, reject) => setImmediate(() => reject(Object.assign(new Error('permission denied'), { code: 'EPERM' })))) : del(p);
  const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 30, staleMs: 10_000 } });
  s.add({ report: 'r', target: tgt(1), tags: ['t'] });
  const r = await s.save();
  assert.ok(!r.ok);
  assert.equal(r.problem.code, 'sidecarLocked');
  assert.match(problemText(r.problem), /held by process 77 on elsewhere since 2020-01-01T00:00:00\.000Z/);
  assert.equal(fs.text(SIDE), undefined);
});

for (const [name, change] of [
  ['garbled by another program', (fs: MemFs) => fs.put(LOCK, 'not json')],
  ['removed by another program', (fs: MemFs) => fs.files.delete(LOCK)],
] as const) {
  test(`lock: a lock ${name} while we write is no longer ours: the save does not rename over the sidecar`, async () => {
    const fs = new MemFs();
    const write = fs.writeFile.bind(fs);
    fs.writeFile = async (p, data) => {
      await write(p, data);
      if (p.endsWith('.tmp')) change(fs);
    };
    const s = await AnnotationStore.open(fs, SRC, { now: fakeClock(), lock: { waitMs: 2000, staleMs: 60_000 } });
    s.add({ report: 'r', target: tgt(1), tags: ['t'] });
    const r = await s.save();
    assert.ok(!r.ok);
    assert.equal(r.problem.code, 'saveConflict');
    assert.equal(fs.text(SIDE), undefined, 'nothing renamed over the sidecar');
    assert.deepEqual(
      fs.paths().filter((p) => p.endsWith('.tmp')),
      [],
      'no temporary file left',
    );
  });
}
