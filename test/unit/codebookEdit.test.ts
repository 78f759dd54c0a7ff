import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addTag,
  changeTagId,
  type Codebook,
  DEFAULT_CODEBOOK,
  describeTag,
  GOVERNMENT_WORK_CODEBOOK,
  moveTag,
  newTagId,
  parseCodebook,
  recolorTag,
  retagAnnotation,
  serializeCodebook,
} from '../../src/core/annotate/index.ts';

const cb = (...tags: [string, string?][]): Codebook => ({
  version: 1,
  tags: tags.map(([id, parent]) => ({ id, label: id.toUpperCase(), color: '#123456', description: '', ...(parent ? { parent } : {}) })),
});
const shape = (c: Codebook) => c.tags.map((t) => (t.parent ? `${t.id}<${t.parent}` : t.id));
const value = <T>(r: { ok: true; value: T } | { ok: false }): T => {
  assert.ok(r.ok, JSON.stringify(r));
  return (r as { value: T }).value;
};

test('the ready codebook for 政府工作报告 has the eleven themes, with descriptions, and reads back as it is written', () => {
  assert.deepEqual(
    GOVERNMENT_WORK_CODEBOOK.tags.map((t) => t.label),
    ['经济发展', '科技创新', '改革开放', '区域协调', '乡村振兴', '生态环境', '民生保障', '社会治理', '政府建设', '目标任务', '数据指标'],
  );
  assert.ok(GOVERNMENT_WORK_CODEBOOK.tags.every((t) => t.description.length > 10));
  assert.equal(new Set(GOVERNMENT_WORK_CODEBOOK.tags.map((t) => t.color)).size, 11, 'distinct colours');
  const back = parseCodebook(serializeCodebook(GOVERNMENT_WORK_CODEBOOK));
  assert.deepEqual(value(back), GOVERNMENT_WORK_CODEBOOK);
  assert.notDeepEqual(GOVERNMENT_WORK_CODEBOOK.tags, DEFAULT_CODEBOOK.tags);
});

test('adding a child tag: after the others, with its parent', () => {
  const c = value(addTag(cb(['a'], ['b']), { id: 'a1', label: '子', color: '#abc', description: 'd', parent: 'a' }));
  assert.deepEqual(shape(c), ['a', 'b', 'a1<a']);
  assert.equal(value(parseCodebook(serializeCodebook(c))).tags[2].parent, 'a');
});

test('recolorTag and describeTag change one field and keep the others (fields added later too)', () => {
  const base: Codebook = { version: 1, tags: [{ id: 'a', label: 'A', color: '#111111', description: 'x', memo: 'kept' } as Codebook['tags'][number]] };
  const c = value(recolorTag(base, 'a', '#00ff00'));
  assert.deepEqual(c.tags[0], { id: 'a', label: 'A', color: '#00ff00', description: 'x', memo: 'kept' });
  assert.deepEqual(value(describeTag(c, 'a', '  new words ')).tags[0], { id: 'a', label: 'A', color: '#00ff00', description: 'new words', memo: 'kept' });
  assert.deepEqual(recolorTag(base, 'a', 'green'), { ok: false, problem: { code: 'notAColour', args: ['green'] } });
  assert.deepEqual(describeTag(base, 'zz', ''), { ok: false, problem: { code: 'noTag', args: ['zz'] } });
});

test('moveTag: under another tag with its children, after that tag’s last descendant; to the top level at the end', () => {
  const c = cb(['a'], ['a1', 'a'], ['b'], ['b1', 'b'], ['b11', 'b1'], ['c']);
  assert.deepEqual(shape(value(moveTag(c, 'b', 'a'))), ['a', 'a1<a', 'b<a', 'b1<b', 'b11<b1', 'c']);
  assert.deepEqual(shape(value(moveTag(c, 'a1', 'c'))), ['a', 'b', 'b1<b', 'b11<b1', 'c', 'a1<c']);
  assert.deepEqual(shape(value(moveTag(c, 'b1', undefined))), ['a', 'a1<a', 'b', 'c', 'b1', 'b11<b1']);
  assert.deepEqual(moveTag(c, 'b', 'b11'), { ok: false, problem: { code: 'tagUnderItself', args: ['b', 'b11'] } });
  assert.deepEqual(moveTag(c, 'b', 'b'), { ok: false, problem: { code: 'tagUnderItself', args: ['b', 'b'] } });
  assert.deepEqual(moveTag(c, 'b', 'nope'), { ok: false, problem: { code: 'unknownParentTag', args: ['nope'] } });
  assert.deepEqual(moveTag(c, 'nope', 'a'), { ok: false, problem: { code: 'noTag', args: ['nope'] } });
  // What a move writes reads back.
  assert.ok(parseCodebook(serializeCodebook(value(moveTag(c, 'b', 'a')))).ok);
});

test('changeTagId: the tag and its children’s parent follow; invalid or taken ids are refused', () => {
  const c = value(changeTagId(cb(['a'], ['a1', 'a'], ['b']), 'a', 'economy'));
  assert.deepEqual(shape(c), ['economy', 'a1<economy', 'b']);
  assert.equal(c.tags[0].label, 'A');
  assert.deepEqual(changeTagId(c, 'b', 'a1'), { ok: false, problem: { code: 'tagExists', args: ['a1'] } });
  assert.deepEqual(changeTagId(c, 'b', '经济'), { ok: false, problem: { code: 'invalidTagId', args: ['经济'] } });
  assert.deepEqual(changeTagId(c, 'x', 'y'), { ok: false, problem: { code: 'noTag', args: ['x'] } });
  assert.equal(value(changeTagId(c, 'b', 'b')), c);
});

test('retagAnnotation: the id replaced in place, each id once; null when the annotation does not have it', () => {
  assert.deepEqual(retagAnnotation(['x', 'a', 'y'], 'a', 'b'), ['x', 'b', 'y']);
  assert.deepEqual(retagAnnotation(['b', 'a'], 'a', 'b'), ['b']);
  assert.equal(retagAnnotation(['x'], 'a', 'b'), null);
});

test('newTagId: ASCII words of the label, else “tag”, numbered until free', () => {
  assert.equal(newTagId(cb(['a']), 'Rural Revitalisation'), 'rural-revitalisation');
  assert.equal(newTagId(cb(['tag']), '乡村振兴'), 'tag-2');
  assert.equal(newTagId(cb(['tag'], ['tag-2']), '乡村振兴'), 'tag-3');
  assert.equal(newTagId(cb(), '乡村振兴'), 'tag');
  assert.equal(newTagId(cb(['ai']), 'AI'), 'ai-2');
});
