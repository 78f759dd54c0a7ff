/** The second pass: the outline tree (parts → chapters → sections) from the blocks' decisions. */
import type { OutlineNode } from '../model/index.ts';
import type { BlockDecision } from './markers.ts';

/** Builds the outline tree from the decisions. `lineOf(i)` maps a block to its document line, `offsetOf(i)` to its start offset. */
export function buildOutline(
  decisions: BlockDecision[],
  lineOf: (i: number) => number,
  offsetOf: (i: number) => number,
  lastContentBlock: number,
): OutlineNode[] {
  const roots: OutlineNode[] = [];
  let part: OutlineNode | null = null;
  let chapter: OutlineNode | null = null;
  const open: OutlineNode[] = [];
  const close = (node: OutlineNode | null, endBlock: number) => {
    if (node) node.endLine = lineOf(Math.max(endBlock, node.paragraph));
  };
  const level = { part: 0, chapter: 1, section: 2 } as const;

  // A plain loop: most decisions are body text, passed over at once.
  for (let i = 0; i < decisions.length; i++) {
    const d = decisions[i];
    if (d.role !== 'part' && d.role !== 'chapter' && d.role !== 'section') continue;
    const line = lineOf(i);
    const start = offsetOf(i);
    const end = start + d.headingLength;
    // Two literals, not a spread of partKind into one: the keys in the same order, each node built at once.
    const node: OutlineNode =
      d.role === 'part'
        ? {
            kind: d.role,
            partKind: d.partKind ?? 'other',
            number: d.number,
            label: d.label,
            inferred: d.inferred,
            title: d.title,
            line,
            start,
            end,
            endLine: line,
            paragraph: i,
            children: [],
          }
        : {
            kind: d.role,
            number: d.number,
            label: d.label,
            inferred: d.inferred,
            title: d.title,
            line,
            start,
            end,
            endLine: line,
            paragraph: i,
            children: [],
          };
    // Close open nodes at this level or deeper.
    while (open.length && level[open[open.length - 1].kind] >= level[d.role]) close(open.pop()!, i - 1);
    if (d.role === 'part') {
      roots.push(node);
      part = node;
      chapter = null;
    } else if (d.role === 'chapter') {
      (part ? part.children : roots).push(node);
      chapter = node;
    } else {
      const parent: OutlineNode | null = chapter ?? part;
      if (parent) parent.children.push(node);
      else roots.push(node);
    }
    open.push(node);
  }
  while (open.length) close(open.pop()!, lastContentBlock);
  return roots;
}
