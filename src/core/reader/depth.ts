/**
 * A cap on how deep markup nests, before it goes to htmlparser2. The parser keeps its open
 * elements innermost-first and adds each one with `unshift()`, which moves the whole stack: a page
 * whose elements nest n deep takes time in n² (100,000 nested <b> tags: minutes; upstream
 * fb55/htmlparser2#2481, open). Browsers stop nesting at 512 elements and put deeper elements'
 * content in the element at the limit; so does this.
 *
 * The scan follows the parser's own rules closely enough to measure its stack: void elements, the
 * start tags that close an open element (a <p> closes an open <p>, an <li> an <li>…), end tags
 * that close everything opened inside them, raw text in script, style, title, textarea and xmp,
 * comments, CDATA, declarations and processing instructions, and self-closing tags in XML and
 * inside svg and math. Markup that stays within the cap is returned as it is (the same string);
 * otherwise the start tags below the cap, and their end tags, are left out: a block element's
 * become a line break (`<br>`), so that paragraphs stay apart, and a script, style, title or
 * textarea goes with its content. Linear: each tag is read once, and each stack operation is a
 * push or a pop.
 */

const MAX_DEPTH = 512;

const FORM = ['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea'];
const P = ['p'];
/** Start tag → the open elements it closes first (htmlparser2's table). */
const IMPLIES_CLOSE = new Map<string, ReadonlySet<string>>(
  (
    [
      ['tr', ['tr', 'th', 'td']],
      ['th', ['th']],
      ['td', ['thead', 'th', 'td']],
      ['body', ['head', 'link', 'script']],
      ['li', ['li']],
      ['select', FORM],
      ['input', FORM],
      ['output', FORM],
      ['button', FORM],
      ['datalist', FORM],
      ['textarea', FORM],
      ['option', ['option']],
      ['optgroup', ['optgroup', 'option']],
      ['dd', ['dd', 'dt']],
      ['dt', ['dd', 'dt']],
      ['rt', ['rt', 'rp']],
      ['rp', ['rt', 'rp']],
      ['tbody', ['thead', 'tbody']],
      ['tfoot', ['thead', 'tbody']],
      ...[
        'p',
        'h1',
        'h2',
        'h3',
        'h4',
        'h5',
        'h6',
        'address',
        'article',
        'aside',
        'blockquote',
        'details',
        'div',
        'dl',
        'fieldset',
        'figcaption',
        'figure',
        'footer',
        'form',
        'header',
        'hr',
        'main',
        'nav',
        'ol',
        'pre',
        'section',
        'table',
        'ul',
      ].map((t): [string, string[]] => [t, P]),
    ] as [string, string[]][]
  ).map(([k, v]) => [k, new Set(v)]),
);
const VOID = new Set([
  'area',
  'base',
  'basefont',
  'br',
  'col',
  'command',
  'embed',
  'frame',
  'hr',
  'img',
  'input',
  'isindex',
  'keygen',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);
const FOREIGN = new Set(['math', 'svg']);
const INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);

/** Whether a code unit ends a tag name: white space, `/` or `>`. */
const endsName = (c: number) => c === 0x20 || c === 0x2f || c === 0x3e || (c >= 9 && c <= 13);
const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** Raw-text elements that are never text: below the cap they go with their content. */
const NEVER_TEXT = new Set(['script', 'style', 'title', 'textarea']);

/**
 * The markup with its nesting capped at `max` open elements (the same string when it stays
 * within). The tags of `blocks` below the cap become `<br>` (HTML only).
 */
export function capDepth(markup: string, xml: boolean, blocks: ReadonlySet<string> = new Set(), max = MAX_DEPTH): string {
  // No more than `max` tags: no deeper than that either.
  let tags = 0;
  for (let k = markup.indexOf('<'); k >= 0 && tags <= max; k = markup.indexOf('<', k + 1)) tags++;
  if (tags <= max) return markup;

  const stack: string[] = [];
  /** How many of each name are open. */
  const open = new Map<string, number>();
  /** Start tags left out, by name, whose end tags go too. */
  const dropped = new Map<string, number>();
  /** Inside svg or math (true) or an HTML integration point in them (false). */
  const foreign: boolean[] = [];
  const cuts: { from: number; to: number; put: string }[] = [];
  const cut = (from: number, to: number, name: string) => cuts.push({ from, to, put: !xml && blocks.has(name) ? '<br>' : '' });
  const add = (m: Map<string, number>, name: string, d: number) => m.set(name, (m.get(name) ?? 0) + d);
  const pop = () => {
    const name = stack.pop()!;
    add(open, name, -1);
    if (!xml && (FOREIGN.has(name) || INTEGRATION.has(name))) foreign.pop();
  };
  const n = markup.length;
  const skipTo = (end: string, from: number) => {
    const e = markup.indexOf(end, from);
    return e < 0 ? n : e + end.length;
  };
  // Raw text runs to the element's end tag, whatever it holds.
  const rawEnd = (name: string, from: number) => {
    const re = new RegExp(`</${name}`, 'ig');
    re.lastIndex = from;
    return re.exec(markup)?.index ?? n;
  };
  let i = markup.indexOf('<');
  while (i >= 0 && i < n) {
    const c = markup.charCodeAt(i + 1);
    // A `<` right after a `<` is text, not a tag, and the next `<` is the next character: no
    // search (a run of millions of `<` made as many searches).
    if (c === 0x3c) {
      i++;
      continue;
    }
    let next: number;
    if (c === 0x21 /* ! */) {
      if (markup.startsWith('<!--', i)) next = skipTo('-->', i + 4);
      else if (markup.startsWith('<![CDATA[', i)) next = skipTo(']]>', i + 9);
      else next = skipTo('>', i + 2);
    } else if (c === 0x3f /* ? */) {
      next = skipTo('>', i + 2);
    } else if (isLetter(c) || (c === 0x2f && isLetter(markup.charCodeAt(i + 2)))) {
      const end = c === 0x2f;
      let k = end ? i + 2 : i + 1;
      while (k < n && !endsName(markup.charCodeAt(k))) k++;
      const raw = markup.slice(end ? i + 2 : i + 1, k);
      const name = xml ? raw : raw.toLowerCase();
      // The end of the tag: the first > outside a quoted attribute value.
      let q = k;
      let prev = 0;
      for (; q < n; q++) {
        const d = markup.charCodeAt(q);
        if (d === 0x3e) break;
        if ((d === 0x22 || d === 0x27) && prev === 0x3d) {
          const close = markup.indexOf(d === 0x22 ? '"' : "'", q + 1);
          if (close < 0) q = n;
          else q = close;
          prev = 0;
          continue;
        }
        if (!(d === 0x20 || (d >= 9 && d <= 13))) prev = d;
      }
      const tagEnd = Math.min(q + 1, n);
      next = tagEnd;
      if (end) {
        const gone = dropped.get(name) ?? 0;
        if (gone > 0) {
          dropped.set(name, gone - 1);
          cut(i, tagEnd, name);
        } else if ((open.get(name) ?? 0) > 0) {
          while (stack.length && stack[stack.length - 1] !== name) pop();
          pop();
        }
      } else {
        const selfClosing = markup.charCodeAt(q - 1) === 0x2f && (xml || foreign[foreign.length - 1] === true);
        if (!xml) {
          const closes = IMPLIES_CLOSE.get(name);
          if (closes) while (stack.length && closes.has(stack[stack.length - 1])) pop();
        }
        const raw = !xml && RAW_TEXT.has(name) && !selfClosing;
        if (xml || !VOID.has(name)) {
          if (stack.length >= max) {
            if (raw && NEVER_TEXT.has(name)) {
              // The element and its content go: through the end of its end tag.
              const close = markup.indexOf('>', rawEnd(name, tagEnd));
              next = close < 0 ? n : close + 1;
              cuts.push({ from: i, to: next, put: '' });
              i = markup.indexOf('<', next);
              continue;
            }
            cut(i, tagEnd, name);
            if (!selfClosing) add(dropped, name, 1);
          } else if (!selfClosing) {
            stack.push(name);
            add(open, name, 1);
            if (!xml && FOREIGN.has(name)) foreign.push(true);
            else if (!xml && INTEGRATION.has(name)) foreign.push(false);
          }
        }
        if (raw) next = rawEnd(name, tagEnd);
      }
    } else next = i + 1;
    i = markup.indexOf('<', next);
  }
  if (!cuts.length) return markup;
  const parts: string[] = [];
  let at = 0;
  for (const c of cuts) {
    parts.push(markup.slice(at, c.from), c.put);
    at = c.to;
  }
  parts.push(markup.slice(at));
  return parts.join('');
}
