/** Writing a sidecar: stable text (fixed key order, sorted annotations), encoded once per annotation and cached. */
import { type Annotation, compareAnnotations } from '../annotation.ts';
import { type Sidecar, SIDECAR_VERSION } from './format.ts';

/** One annotation with its keys in the documented order. */
function orderedAnnotation(a: Annotation) {
  const { quote, position } = a.target;
  return {
    id: a.id,
    report: a.report,
    target: {
      paragraph: a.target.paragraph,
      quote: { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      position: { type: 'TextPositionSelector', start: position.start, end: position.end },
    },
    tags: [...a.tags],
    note: a.note,
    author: a.author,
    created: a.created,
    modified: a.modified,
    ...(a.resolvedBy !== undefined ? { resolvedBy: a.resolvedBy } : {}),
    ...(a.resolved !== undefined ? { resolved: a.resolved } : {}),
  };
}

/** One annotation's text inside the file, indented as an array element. */
function annotationText(a: Annotation): string {
  return '    ' + JSON.stringify(orderedAnnotation(a), null, 2).replace(/\n/g, '\n    ');
}

/**
 * An object's members as JSON.stringify(…, null, 2) prints them inside the annotations array, at
 * `depth` (4 spaces for the array, 2 per level): a key whose value is undefined is left out.
 */
function members(entries: [string, string | undefined][], depth: number): string {
  const pad = ' '.repeat(depth + 2);
  const shown = entries.filter((e) => e[1] !== undefined);
  if (!shown.length) return '{}';
  return `{\n${shown.map(([k, v]) => `${pad}"${k}": ${v}`).join(',\n')}\n${' '.repeat(depth)}}`;
}

const json = (v: unknown): string | undefined => JSON.stringify(v);

/**
 * The same text as annotationText, written out member by member: the generic pretty printer and
 * the indenting regular expression cost most of a cold save (test/unit/store.test.ts compares).
 */
function annotationTextFast(a: Annotation): string {
  const t = a.target as Partial<Annotation['target']> | undefined;
  // The usual annotation (every member there, tags an array of strings), as one template.
  const q0 = t?.quote;
  const p0 = t?.position;
  if (
    typeof a.id === 'string' &&
    typeof a.report === 'string' &&
    typeof t?.paragraph === 'string' &&
    typeof q0?.exact === 'string' &&
    typeof q0.prefix === 'string' &&
    typeof q0.suffix === 'string' &&
    typeof p0?.start === 'number' &&
    typeof p0.end === 'number' &&
    Number.isFinite(p0.start) &&
    Number.isFinite(p0.end) &&
    Array.isArray(a.tags) &&
    a.tags.every((x) => typeof x === 'string') &&
    typeof a.note === 'string' &&
    typeof a.author === 'string' &&
    typeof a.created === 'string' &&
    typeof a.modified === 'string' &&
    (a.resolvedBy === undefined || typeof a.resolvedBy === 'string') &&
    (a.resolved === undefined || typeof a.resolved === 'string')
  ) {
    const j = JSON.stringify;
    let tags = '[]';
    if (a.tags.length) {
      tags = '[';
      for (let k = 0; k < a.tags.length; k++) tags += `${k ? ',' : ''}\n        ${j(a.tags[k])}`;
      tags += '\n      ]';
    }
    return `    {
      "id": ${j(a.id)},
      "report": ${j(a.report)},
      "target": {
        "paragraph": ${j(t.paragraph)},
        "quote": {
          "type": "TextQuoteSelector",
          "exact": ${j(q0.exact)},
          "prefix": ${j(q0.prefix)},
          "suffix": ${j(q0.suffix)}
        },
        "position": {
          "type": "TextPositionSelector",
          "start": ${j(p0.start)},
          "end": ${j(p0.end)}
        }
      },
      "tags": ${tags},
      "note": ${j(a.note)},
      "author": ${j(a.author)},
      "created": ${j(a.created)},
      "modified": ${j(a.modified)}${a.resolvedBy !== undefined ? `,\n      "resolvedBy": ${j(a.resolvedBy)}` : ''}${a.resolved !== undefined ? `,\n      "resolved": ${j(a.resolved)}` : ''}
    }`;
  }
  const q = t?.quote;
  const p = t?.position;
  const tags = Array.isArray(a.tags) ? (a.tags.length ? `[\n${a.tags.map((x) => `        ${json(x) ?? 'null'}`).join(',\n')}\n      ]` : '[]') : json(a.tags);
  const target =
    t === undefined
      ? undefined
      : members(
          [
            ['paragraph', json(t.paragraph)],
            [
              'quote',
              members(
                [
                  ['type', '"TextQuoteSelector"'],
                  ['exact', json(q?.exact)],
                  ['prefix', json(q?.prefix)],
                  ['suffix', json(q?.suffix)],
                ],
                8,
              ),
            ],
            [
              'position',
              members(
                [
                  ['type', '"TextPositionSelector"'],
                  ['start', json(p?.start)],
                  ['end', json(p?.end)],
                ],
                8,
              ),
            ],
          ],
          6,
        );
  return `    ${members(
    [
      ['id', json(a.id)],
      ['report', json(a.report)],
      ['target', target],
      ['tags', tags],
      ['note', json(a.note)],
      ['author', json(a.author)],
      ['created', json(a.created)],
      ['modified', json(a.modified)],
      ['resolvedBy', json(a.resolvedBy)],
      ['resolved', json(a.resolved)],
    ],
    4,
  )}`;
}

/**
 * Each annotation's text inside the file, cached by object: annotations are never mutated (an
 * edit makes a new object), so a save of 10,000 annotations only formats the ones that changed.
 */
const formatted = new WeakMap<Annotation, string>();
function formatAnnotation(a: Annotation): string {
  let f = formatted.get(a);
  if (f === undefined) {
    f = annotationText(a);
    formatted.set(a, f);
  }
  return f;
}

const utf8 = new TextEncoder();

function isSorted(xs: readonly Annotation[]): boolean {
  for (let i = 1; i < xs.length; i++) if (compareAnnotations(xs[i - 1], xs[i]) > 0) return false;
  return true;
}

const sortedAnnotations = (xs: readonly Annotation[]) => (isSorted(xs) ? xs : [...xs].sort(compareAnnotations));

/**
 * The file up to the annotations: `{`, `version`, `source`, without the comma after `source`. No
 * `$schema`: VS Code would try to fetch its URL and warn; the extension's jsonValidation maps the
 * file name to the packaged schema instead. (Older files with a `$schema` still load.)
 */
function sidecarHead(s: Sidecar): string {
  return JSON.stringify({ version: SIDECAR_VERSION, source: s.source }, null, 2).slice(0, -2);
}

/**
 * The sidecar's text: stable and sorted (report, position, id), pretty-printed with 2 spaces,
 * with a final newline. The same text as JSON.stringify(…, null, 2) of the whole file.
 */
export function serializeSidecar(s: Sidecar): string {
  const head = sidecarHead(s);
  if (!s.annotations.length) return `${head},\n  "annotations": []\n}\n`;
  const body = sortedAnnotations(s.annotations).map(formatAnnotation).join(',\n');
  return `${head},\n  "annotations": [\n${body}\n  ]\n}\n`;
}

/**
 * The sidecar's bytes: exactly the UTF-8 of serializeSidecar(s), encoded straight into one growing
 * buffer (no string of the whole file, no typed array per annotation). A store keeps a
 * SidecarEncoder instead, which re-encodes only what changed since its last save. (Each
 * annotation's text is JSON, so it never splits a surrogate pair: encoding it in pieces gives the
 * same bytes as encoding the whole text.)
 */
export function encodeSidecar(s: Sidecar): Uint8Array {
  return new SidecarEncoder().encode(s.source, sortedAnnotations(s.annotations));
}

/**
 * Whether two byte strings are equal (null: no file). Compares eight bytes at a time where it can
 * (as doubles; where two doubles compare unequal or are zeros, their bits decide), else four.
 */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 8 === b.byteOffset % 8) {
    for (; i < a.length && (a.byteOffset + i) % 8; i++) if (a[i] !== b[i]) return false;
    // (Past the end without reaching an aligned byte: no words, and no view at an unaligned offset.)
    const words = i < a.length ? (a.length - i) >>> 3 : 0;
    const x = new Float64Array(words ? a.buffer : new ArrayBuffer(0), words ? a.byteOffset + i : 0, words);
    const y = new Float64Array(words ? b.buffer : new ArrayBuffer(0), words ? b.byteOffset + i : 0, words);
    for (let k = 0; k < words; k++) {
      const u = x[k];
      if (u === y[k] && u !== 0) continue;
      // NaN (unequal to itself) or ±0 (equal to its opposite): compare the bits.
      const at = i + 8 * k;
      for (let m = at; m < at + 8; m++) if (a[m] !== b[m]) return false;
    }
    i += words * 8;
  } else if (a.byteOffset % 4 === b.byteOffset % 4) {
    for (; i < a.length && (a.byteOffset + i) % 4; i++) if (a[i] !== b[i]) return false;
    const words = i < a.length ? (a.length - i) >>> 2 : 0;
    const x = new Uint32Array(words ? a.buffer : new ArrayBuffer(0), words ? a.byteOffset + i : 0, words);
    const y = new Uint32Array(words ? b.buffer : new ArrayBuffer(0), words ? b.byteOffset + i : 0, words);
    for (let k = 0; k < words; k++) if (x[k] !== y[k]) return false;
    i += words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The bytes of `text` (one annotation's text, or the head) written into `buf` at `at`, growing it as needed. */
interface Grown {
  buf: Uint8Array;
  at: number;
}

/**
 * Room for `more` bytes after `g.at`. `expect` is how many bytes the whole encoding is likely to
 * need (from the annotations written so far): growing straight to it copies a large file once,
 * not a dozen times by half again.
 */
function reserve(g: Grown, more: number, keepUpTo = g.at, expect = 0): void {
  if (g.at + more <= g.buf.length) return;
  const next = new Uint8Array(Math.max(1024, Math.ceil((g.at + more) * 1.5), expect));
  next.set(g.buf.subarray(0, keepUpTo));
  g.buf = next;
}

function writeText(g: Grown, text: string, expect = 0): void {
  // UTF-8 takes at most 3 bytes per UTF-16 unit.
  reserve(g, 3 * text.length, g.at, expect);
  g.at += utf8.encodeInto(text, g.buf.subarray(g.at)).written;
}

const SEPARATOR = [0x2c, 0x0a]; // ,\n
const CLOSE = utf8.encode('\n  ]\n}\n');

/**
 * A store's sidecar encoder: one growing buffer per side of a double buffer, each annotation's
 * place in it remembered. A save then re-encodes only the annotations that changed since the last
 * encoding (those between the unchanged head and the unchanged tail of the sorted list, compared by
 * object: annotations are never mutated) and copies the rest, with no typed array per annotation.
 * The bytes are exactly encodeSidecar's (test/unit/store.test.ts checks on random stores).
 *
 * A result stays valid until the second encode() after it, unless it is passed as `keep` (the
 * bytes the store last saw on disk), which is never written over.
 */
export class SidecarEncoder {
  private buffers: [Uint8Array, Uint8Array] = [new Uint8Array(0), new Uint8Array(0)];
  /** The last encoding: in which buffer, of which list, with which head, and where each annotation starts (its separator included). */
  /** The side written last. */
  private written: 0 | 1 = 1;
  private last: { side: 0 | 1; list: readonly Annotation[]; head: string; starts: Float64Array; length: number } | null = null;

  /** `annotations` must be sorted (the store's list) and must not change afterwards. */
  encode(source: string, annotations: readonly Annotation[], keep: Uint8Array | null = null): Uint8Array {
    const head = `${sidecarHead({ version: SIDECAR_VERSION, source, annotations: [] })},\n  "annotations": [\n`;
    if (!annotations.length) {
      this.last = null;
      return utf8.encode(`${sidecarHead({ version: SIDECAR_VERSION, source, annotations: [] })},\n  "annotations": []\n}\n`);
    }
    const last = this.last && this.last.head === head ? this.last : null;
    const old = last?.list ?? [];
    const n = annotations.length;
    // The unchanged head and tail of the list (by object).
    let p = 0;
    while (p < n && p < old.length && old[p] === annotations[p]) p++;
    let s = 0;
    while (s < n - p && s < old.length - p && old[old.length - 1 - s] === annotations[n - 1 - s]) s++;
    // Write into the side that does not hold `keep`; the other side if both are free.
    const holds = (side: 0 | 1) => keep !== null && keep.buffer === this.buffers[side].buffer;
    let side: 0 | 1 = this.written === 0 ? 1 : 0;
    if (holds(side)) side = side === 0 ? 1 : 0;
    const from = last ? this.buffers[last.side] : null;
    const inPlace = last !== null && side === last.side;
    const starts = new Float64Array(n + 1);
    const g: Grown = { buf: this.buffers[side], at: 0 };
    const headBytes = utf8.encode(head);
    // The head and the unchanged annotations before the first change.
    const prefixEnd = last && p > 0 ? last.starts[p] : 0;
    if (last && p > 0) {
      if (!inPlace) {
        reserve(g, prefixEnd);
        g.buf.set(from!.subarray(0, prefixEnd), 0);
      }
      for (let i = 0; i <= p; i++) starts[i] = last.starts[i];
      g.at = prefixEnd;
    } else {
      reserve(g, headBytes.length);
      g.buf.set(headBytes, 0);
      g.at = headBytes.length;
    }
    // The unchanged tail, set aside when it would be written over in place.
    const tailFrom = last && s > 0 ? last.starts[old.length - s] : 0;
    const tailTo = last && s > 0 ? last.starts[old.length] : 0;
    const tail = inPlace && s > 0 ? from!.slice(tailFrom, tailTo) : s > 0 ? from!.subarray(tailFrom, tailTo) : null;
    const first = g.at;
    const rest = (tail?.length ?? 0) + CLOSE.length;
    for (let i = p; i < n - s; i++) {
      starts[i] = g.at;
      if (i > 0) {
        reserve(g, 2);
        g.buf[g.at++] = SEPARATOR[0];
        g.buf[g.at++] = SEPARATOR[1];
      }
      // The size so far, extended at the same bytes per annotation to the last one, with a tenth more.
      const done = i - p;
      const expect = done ? Math.ceil(first + ((g.at - first) / done) * (n - s - p) * 1.1 + rest) : 0;
      writeText(g, formatted.get(annotations[i]) ?? annotationTextFast(annotations[i]), expect);
    }
    if (tail && last) {
      const shift = g.at - tailFrom;
      reserve(g, tail.length);
      g.buf.set(tail, g.at);
      for (let k = 0; k < s; k++) starts[n - s + k] = last.starts[old.length - s + k] + shift;
      g.at += tail.length;
      // A tail that now follows a first annotation kept its separator; one whose first element was the first annotation had none.
      if (n - s > 0 && old.length - s === 0) {
        // The old first annotation had no separator: put one in front of it.
        const at = starts[n - s];
        reserve(g, 2);
        g.buf.copyWithin(at + 2, at, g.at);
        g.buf[at] = SEPARATOR[0];
        g.buf[at + 1] = SEPARATOR[1];
        g.at += 2;
        for (let k = n - s + 1; k < n; k++) starts[k] += 2;
      }
    }
    starts[n] = g.at;
    // The first annotation never has a separator (it may have had one where it was not first).
    if (p === 0 && n - s === 0 && g.buf[starts[0]] === SEPARATOR[0] && g.buf[starts[0] + 1] === SEPARATOR[1] && old.length - s > 0) {
      g.buf.copyWithin(starts[0], starts[0] + 2, g.at);
      g.at -= 2;
      for (let k = 1; k <= n; k++) starts[k] -= 2;
    }
    const length = g.at;
    reserve(g, CLOSE.length);
    g.buf.set(CLOSE, g.at);
    this.buffers[side] = g.buf;
    this.written = side;
    this.last = { side, list: annotations, head, starts, length };
    return g.buf.subarray(0, length + CLOSE.length);
  }
}
