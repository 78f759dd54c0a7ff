/**
 * Walks over a parsed page (domhandler nodes) in bounded work: elements by name, pruning,
 * the Chinese characters below each element, short texts, depth. The page reader's own walks:
 * cheerio's selectors and text() would take time in the size of the page for every element.
 */
import type { AnyNode, ChildNode, Element, ParentNode } from 'domhandler';

const CJK = /[\u4e00-\u9fff]/g;
export function cjkLength(s: string): number {
  return s.match(CJK)?.length ?? 0;
}

/** The elements with these names, in document order, in one walk. */
export function elementsNamed(root: AnyNode, names: ReadonlySet<string>): Element[] {
  const found: Element[] = [];
  walkTree(root, (n) => {
    if (isElement(n) && names.has(n.name)) found.push(n);
    return true;
  });
  return found;
}

/**
 * Visits the nodes below `root` in document order (root excluded), with their depth (root's
 * children are at 1); `visit` returns false to leave a node's children out. The stack holds a
 * child list and a position per level, so it is as deep as the tree and never as wide as it (a
 * parent of a million children is not copied).
 */
export function walkTree(root: AnyNode, visit: (n: AnyNode, depth: number) => boolean): void {
  const lists: AnyNode[][] = [];
  const at: number[] = [];
  const top = (root as { children?: AnyNode[] }).children;
  if (top?.length) {
    lists.push(top);
    at.push(0);
  }
  while (lists.length) {
    const t = lists.length - 1;
    const kids = lists[t];
    if (at[t] >= kids.length) {
      lists.pop();
      at.pop();
      continue;
    }
    const n = kids[at[t]++];
    if (!visit(n, lists.length)) continue;
    const below = (n as { children?: AnyNode[] }).children;
    if (below?.length) {
      lists.push(below);
      at.push(0);
    }
  }
}

/** An element in domhandler's terms (script and style elements have types of their own). */
export function isElement(n: AnyNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

/**
 * Removes nodes from the tree, each parent's children filtered once: cheerio's remove() searches
 * the siblings for each node, which takes time in the square of their number.
 */
function removeNodes(nodes: readonly AnyNode[]): void {
  if (!nodes.length) return;
  const gone = new Set(nodes);
  const parents = new Set<ParentNode>();
  for (const n of gone) if (n.parent) parents.add(n.parent);
  for (const p of parents) {
    const kept: ChildNode[] = p.children.filter((c) => !gone.has(c));
    for (let k = 0; k < kept.length; k++) {
      kept[k].prev = kept[k - 1] ?? null;
      kept[k].next = kept[k + 1] ?? null;
    }
    p.children = kept;
  }
  for (const n of gone) {
    n.parent = null;
    n.prev = null;
    n.next = null;
  }
}

/**
 * Removes the elements below `root` (in document order, root excluded) that `test` picks; below
 * one that goes, nothing is looked at. The same as cheerio's find('*').each(remove) in one walk.
 */
export function prune(root: AnyNode, test: (el: Element) => boolean): void {
  const gone: AnyNode[] = [];
  walkTree(root, (n) => {
    if (!isElement(n) || !test(n)) return true;
    gone.push(n);
    return false;
  });
  removeNodes(gone);
}

/** The Chinese characters of the text below each node (as cheerio's text() would count them), in one walk. */
export function cjkCounts(root: AnyNode): Map<AnyNode, number> {
  const order: AnyNode[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    const kids = (n as { children?: AnyNode[] }).children;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  const counts = new Map<AnyNode, number>();
  // Reversed, a node comes after everything below it.
  for (let k = order.length - 1; k >= 0; k--) {
    const n = order[k];
    const c = n.type === 'text' ? cjkLength((n as unknown as { data: string }).data) : (counts.get(n) ?? 0);
    counts.set(n, c);
    if (n !== root && n.parent) counts.set(n.parent, (counts.get(n.parent) ?? 0) + c);
  }
  return counts;
}

/**
 * The text below an element, as cheerio's text() gives it, or null when it is longer than a
 * heading can be: more than `maxChars` characters of text or `maxNodes` nodes. Looking at a
 * heading costs at most that, however much the element holds.
 */
export function shortText(el: AnyNode, maxChars = 4096, maxNodes = 1000): string | null {
  let text = '';
  let nodes = 0;
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (++nodes > maxNodes) return null;
    if (n.type === 'text') {
      text += (n as unknown as { data: string }).data;
      if (text.length > maxChars) return null;
      continue;
    }
    if (n.type === 'comment') continue;
    const kids = (n as { children?: AnyNode[] }).children;
    if (kids) for (let k = kids.length - 1; k >= 0; k--) stack.push(kids[k]);
  }
  return text;
}

/** Whether `el` is below `ancestor` (a walk up its parents: cheerio's find(el) walks the whole tree below). */
export function isBelow(el: AnyNode, ancestor: AnyNode): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Whether a tree nests deeper than `max` elements (measured without recursion). */
export function depthOver(root: AnyNode, max: number): boolean {
  let over = false;
  walkTree(root, (_, depth) => {
    over ||= depth > max;
    return !over;
  });
  return over;
}
