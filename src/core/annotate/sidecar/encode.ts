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

/** The same text as UTF-8, cached by object (for encodeSidecar; the text itself is not kept). */
const utf8 = new TextEncoder();
const encoded = new WeakMap<Annotation, Uint8Array>();
function encodeAnnotation(a: Annotation): Uint8Array {
  let b = encoded.get(a);
  if (b === undefined) {
    b = utf8.encode(formatted.get(a) ?? annotationText(a));
    encoded.set(a, b);
  }
  return b;
}

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
 * The sidecar's bytes: exactly the UTF-8 of serializeSidecar(s), built from each annotation's
 * bytes, cached by object. A save of 10,000 annotations (about 10 MB) then encodes only the
 * annotations that changed and copies the rest, instead of joining a 10 MB string and encoding
 * it whole. (Each annotation's text is JSON, so it never splits a surrogate pair: encoding it in
 * pieces gives the same bytes as encoding the whole text.)
 */
export function encodeSidecar(s: Sidecar): Uint8Array {
  const head = sidecarHead(s);
  if (!s.annotations.length) return utf8.encode(`${head},\n  "annotations": []\n}\n`);
  const parts = sortedAnnotations(s.annotations).map(encodeAnnotation);
  const open = utf8.encode(`${head},\n  "annotations": [\n`);
  const close = utf8.encode('\n  ]\n}\n');
  let size = open.length + close.length + 2 * (parts.length - 1);
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  out.set(open, 0);
  let at = open.length;
  for (let i = 0; i < parts.length; i++) {
    if (i) {
      out[at++] = 0x2c; // ,
      out[at++] = 0x0a; // \n
    }
    out.set(parts[i], at);
    at += parts[i].length;
  }
  out.set(close, at);
  return out;
}

/** Whether two byte strings are equal (null: no file). Compares four bytes at a time where it can. */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === b.byteOffset % 4) {
    for (; i < a.length && (a.byteOffset + i) % 4; i++) if (a[i] !== b[i]) return false;
    const words = (a.length - i) >>> 2;
    const x = new Uint32Array(a.buffer, a.byteOffset + i, words);
    const y = new Uint32Array(b.buffer, b.byteOffset + i, words);
    for (let k = 0; k < words; k++) if (x[k] !== y[k]) return false;
    i += words * 4;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
