/**
 * The codebook: the tags analysts put on paragraphs, in `.annals/codebook.json` at the
 * workspace root. Annotations refer to a tag by its `id`, which never changes; the label,
 * colour, description and parent can. A tag id that the codebook does not know is kept and
 * shown as unknown (tagInfo), never dropped.
 */
import { describe, fail, isColor, isObject, jsonPath, ok, parseJson, problem, type Result, ShapeErrors } from '../model/index.ts';

export const CODEBOOK_PATH = '.annals/codebook.json';
const CODEBOOK_VERSION = 1;

export interface Tag {
  /** Stable: annotations refer to it. Letters, digits, `.`, `_`, `-`; at most 64 characters. */
  id: string;
  label: string;
  /** `#rrggbb` or `#rgb`. */
  color: string;
  description: string;
  /** The id of the parent tag, for a hierarchy. */
  parent?: string;
  /** The code memo (Markdown): the analysts' notes on the code (how to apply it, open questions); a REFI-QDA Note in exports. */
  memo?: string;
}

export interface Codebook {
  version: number;
  tags: Tag[];
}

const TAG_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The colour of a tag id the codebook does not know. */
export const UNKNOWN_TAG_COLOR = '#9e9e9e';

/**
 * The default codebook: the seven areas of the 法治政府建设实施纲要 (2015–2020), then four
 * cross-cutting tags. Colours are distinct and readable on light and dark themes.
 */
export const DEFAULT_CODEBOOK: Codebook = Object.freeze({
  version: CODEBOOK_VERSION,
  tags: [
    {
      id: 'functions',
      label: '依法全面履行政府职能',
      color: '#1f77b4',
      description: 'Government functions performed fully and according to law: 简政放权, 放管服, powers and responsibilities lists.',
    },
    {
      id: 'rules',
      label: '完善依法行政制度体系',
      color: '#2ca02c',
      description: 'The system of administrative rules: drafting, review, filing and clean-up of regulations and normative documents.',
    },
    {
      id: 'decisions',
      label: '推进行政决策科学化民主化法治化',
      color: '#9467bd',
      description: 'Major administrative decisions: public participation, expert review, risk assessment, legality review, collective decision.',
    },
    {
      id: 'enforcement',
      label: '坚持严格规范公正文明执法',
      color: '#d62728',
      description: 'Administrative law enforcement: reform of enforcement systems, the three enforcement rules, discretion standards.',
    },
    {
      id: 'oversight',
      label: '强化对行政权力的制约和监督',
      color: '#ff7f0e',
      description: 'Checks on administrative power: oversight by people’s congresses, audit, government transparency, accountability.',
    },
    {
      id: 'disputes',
      label: '依法有效化解社会矛盾纠纷',
      color: '#17becf',
      description: 'Resolving disputes by law: administrative reconsideration and litigation, mediation, petitions (信访), arbitration.',
    },
    {
      id: 'capacity',
      label: '全面提高政府工作人员法治思维和依法行政能力',
      color: '#8c564b',
      description: 'Officials’ legal thinking and skills: study, training, examinations, legal advisers, 谁执法谁普法.',
    },
    { id: 'figures', label: '数据指标', color: '#7f7f7f', description: 'Figures: counts, amounts, rates and other quantitative indicators.' },
    { id: 'shortcomings', label: '问题不足', color: '#e377c2', description: 'Shortcomings the report admits: problems, gaps, weaknesses.' },
    { id: 'innovations', label: '创新举措', color: '#bcbd22', description: 'Innovations: new measures, pilots and first-of-their-kind practices.' },
    { id: 'commitments', label: '计划承诺', color: '#393b79', description: 'Commitments: plans and promises for the coming year.' },
  ].map((t) => Object.freeze(t)),
}) as Codebook;

export type CodebookParse = Result<Codebook>;

/** Reads a codebook file's text. Never throws; an error says what is wrong and where. */
export function parseCodebook(text: string, file = CODEBOOK_PATH): CodebookParse {
  const json = parseJson(text);
  if (!json.ok) return fail('inFile', [file, json.problem]);
  const v = json.value;
  if (!isObject(v)) return fail('inFile', [file, problem('codebookNotObject', [describe(v)])]);
  const errs = new ShapeErrors();
  if (v.version !== undefined && (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1))
    errs.add('version', `expected a whole number ≥ 1, found ${describe(v.version)}`);
  else if (typeof v.version === 'number' && v.version > CODEBOOK_VERSION) {
    return fail('inFile', [file, problem('codebookNewer', [String(v.version), CODEBOOK_VERSION])]);
  }
  if (!Array.isArray(v.tags)) {
    errs.add('tags', v.tags === undefined ? 'missing (expected an array of tags)' : `expected an array of tags, found ${describe(v.tags)}`);
    return fail('inFile', [file, errs.list.join('; ')]);
  }
  const tags: Tag[] = [];
  const seen = new Map<string, number>();
  v.tags.forEach((t, i) => {
    const p = jsonPath('tags', i);
    if (!isObject(t)) {
      errs.add(p, `expected a tag object, found ${describe(t)}`);
      return;
    }
    const id = errs.string(t, 'id', p, { nonEmpty: true });
    if (id !== undefined && !TAG_ID.test(id))
      errs.add(jsonPath(p, 'id'), `“${id}” is not a valid tag id (letters, digits, “.”, “_”, “-”; at most 64 characters)`);
    if (id !== undefined && seen.has(id)) errs.add(jsonPath(p, 'id'), `duplicate id “${id}” (also tags[${seen.get(id)}])`);
    if (id !== undefined) seen.set(id, i);
    const label = errs.string(t, 'label', p, { nonEmpty: true });
    const color = errs.string(t, 'color', p);
    if (color !== undefined && !isColor(color)) errs.add(jsonPath(p, 'color'), `“${color}” is not a colour (expected #rrggbb or #rgb)`);
    const description = errs.string(t, 'description', p, { optional: true }) ?? '';
    const parent = errs.string(t, 'parent', p, { optional: true });
    const memo = errs.string(t, 'memo', p, { optional: true });
    if (id !== undefined && label !== undefined && color !== undefined)
      tags.push({ id, label, color, description, ...(parent ? { parent } : {}), ...(memo ? { memo } : {}) });
  });
  const ids = new Set(tags.map((t) => t.id));
  tags.forEach((t) => {
    const i = seen.get(t.id) ?? 0;
    if (t.parent !== undefined && !ids.has(t.parent)) errs.add(`tags[${i}].parent`, `unknown tag id “${t.parent}”`);
  });
  const cycle = firstParentCycle(tags);
  if (cycle) errs.add(`tags[${seen.get(cycle[0])}].parent`, `the parents form a cycle: ${cycle.join(' → ')}`);
  if (!errs.ok) return fail('inFile', [file, errs.list.join('; ')]);
  return ok({ version: CODEBOOK_VERSION, tags });
}

/** The first tag (in file order) whose parents lead back to it, as the cycle from it to itself; null when none does. */
function firstParentCycle(tags: readonly Tag[]): string[] | null {
  // One walk up the parents from each tag, each tag walked once (linear even for a chain of 20,000):
  // 1 = on the walk under way, 2 = known to end (or already judged).
  const parent = new Map(tags.map((t) => [t.id, t.parent]));
  const state = new Map<string, 1 | 2>();
  const onCycle = new Set<string>();
  for (const t of tags) {
    const walk: string[] = [];
    let cur: string | undefined = t.id;
    while (cur !== undefined && parent.has(cur) && state.get(cur) !== 2) {
      if (state.get(cur) === 1) {
        for (let k = walk.indexOf(cur); k < walk.length; k++) onCycle.add(walk[k]);
        break;
      }
      state.set(cur, 1);
      walk.push(cur);
      cur = parent.get(cur);
    }
    for (const id of walk) state.set(id, 2);
  }
  // The first tag (in file order) on a cycle, and the cycle from it back to it.
  const start = tags.find((t) => onCycle.has(t.id))?.id;
  if (start === undefined) return null;
  const path = [start];
  for (let cur = parent.get(start); cur !== undefined && path.length <= tags.length; cur = parent.get(cur)) {
    path.push(cur);
    if (cur === start) return path;
  }
  return null;
}

/** The codebook file's text: stable key order, 2-space indent, final newline. */
export function serializeCodebook(cb: Codebook): string {
  const tags = cb.tags.map((t) => ({
    id: t.id,
    label: t.label,
    color: t.color,
    description: t.description,
    ...(t.parent !== undefined ? { parent: t.parent } : {}),
    ...(t.memo ? { memo: t.memo } : {}),
  }));
  // No `$schema`: jsonValidation maps the file to the packaged schema (a URL would be fetched, and warn).
  return JSON.stringify({ version: CODEBOOK_VERSION, tags }, null, 2) + '\n';
}

export interface TagInfo extends Tag {
  /** False for an id the codebook does not have: it is still shown, as unknown, with its id as its label. */
  known: boolean;
}

/** A tag's display info; an unknown id gets a grey “unknown” entry instead of being dropped. */
export function tagInfo(cb: Codebook | null, id: string): TagInfo {
  const t = cb?.tags.find((x) => x.id === id);
  if (t) return { ...t, known: true };
  return { id, label: id, color: UNKNOWN_TAG_COLOR, description: `Unknown tag “${id}”: not in the codebook. Annotations keep it.`, known: false };
}

/** A map of tag id → TagInfo for fast lookups on hot paths (decorations, export). */
export function tagIndex(cb: Codebook | null): (id: string) => TagInfo {
  const m = new Map((cb?.tags ?? []).map((t) => [t.id, { ...t, known: true } as TagInfo]));
  return (id) => m.get(id) ?? tagInfo(null, id);
}

export type CodebookEdit = Result<Codebook>;

/** Adds a tag. The id must be new and valid, the colour a colour, the parent known. */
export function addTag(cb: Codebook, tag: Tag): CodebookEdit {
  if (!TAG_ID.test(tag.id)) return fail('invalidTagId', [tag.id]);
  if (cb.tags.some((t) => t.id === tag.id)) return fail('tagExists', [tag.id]);
  if (!tag.label.trim()) return fail('emptyLabel');
  if (!isColor(tag.color)) return fail('notAColour', [tag.color]);
  if (tag.parent !== undefined && !cb.tags.some((t) => t.id === tag.parent)) return fail('unknownParentTag', [tag.parent]);
  return ok({ ...cb, tags: [...cb.tags, { ...tag }] });
}

/**
 * Renames a tag: only its label changes, so every annotation that uses it keeps it.
 */
export function renameTag(cb: Codebook, id: string, label: string): CodebookEdit {
  if (!label.trim()) return fail('emptyLabel');
  if (!cb.tags.some((t) => t.id === id)) return fail('noTag', [id]);
  return ok({ ...cb, tags: cb.tags.map((t) => (t.id === id ? { ...t, label: label.trim() } : t)) });
}

/** Sets a tag's code memo (Markdown; empty removes it). */
export function setTagMemo(cb: Codebook, id: string, memo: string): CodebookEdit {
  if (!cb.tags.some((t) => t.id === id)) return fail('noTag', [id]);
  return ok({
    ...cb,
    tags: cb.tags.map((t) => {
      if (t.id !== id) return t;
      const { memo: _old, ...rest } = t;
      return memo.trim() ? { ...rest, memo } : rest;
    }),
  });
}

/** How many annotations use a tag: the editor asks before it deletes a tag that is in use. */
export function tagUsage(annotations: Iterable<{ tags: readonly string[] }>, id: string): number {
  let n = 0;
  for (const a of annotations) if (a.tags.includes(id)) n++;
  return n;
}

/**
 * Removes a tag from the codebook (after the user confirmed, when it is in use). Its children
 * move up to its parent. Annotations are not touched: they keep the id, shown as unknown.
 */
export function removeTag(cb: Codebook, id: string): CodebookEdit {
  const tag = cb.tags.find((t) => t.id === id);
  if (!tag) return fail('noTag', [id]);
  const tags = cb.tags
    .filter((t) => t.id !== id)
    .map((t) => {
      if (t.parent !== id) return t;
      const { parent: _drop, ...rest } = t;
      return tag.parent !== undefined ? { ...rest, parent: tag.parent } : rest;
    });
  return ok({ ...cb, tags });
}

/**
 * The ready codebook for 政府工作报告 (government work reports): the themes of their usual chapters.
 * Offered beside the default (法治政府建设) codebook when a workspace has none.
 */
export const GOVERNMENT_WORK_CODEBOOK: Codebook = Object.freeze({
  version: CODEBOOK_VERSION,
  tags: [
    { id: 'economy', label: '经济发展', color: '#1f77b4', description: 'Growth, demand, industry, finance: 稳增长, 扩大内需, 现代化产业体系, 宏观政策.' },
    { id: 'innovation', label: '科技创新', color: '#9467bd', description: 'Science, technology and innovation: 创新驱动, 科技攻关, 数字经济, 人才.' },
    { id: 'reform', label: '改革开放', color: '#d62728', description: 'Reform and opening up: 放管服, 营商环境, 国企改革, 对外开放, 外资外贸.' },
    { id: 'regional', label: '区域协调', color: '#ff7f0e', description: 'Regional development and urbanisation: 区域协调发展, 新型城镇化, 城市更新.' },
    { id: 'rural', label: '乡村振兴', color: '#2ca02c', description: 'Agriculture and the countryside: 三农, 粮食安全, 乡村建设, 脱贫攻坚成果.' },
    { id: 'ecology', label: '生态环境', color: '#17becf', description: 'Environment and ecology: 污染防治, 生态保护, 碳达峰碳中和, 绿色发展.' },
    { id: 'welfare', label: '民生保障', color: '#e377c2', description: 'People’s livelihood: 就业, 教育, 医疗, 社会保障, 住房, 养老.' },
    { id: 'governance', label: '社会治理', color: '#8c564b', description: 'Social governance and safety: 基层治理, 安全生产, 应急管理, 平安建设.' },
    { id: 'government', label: '政府建设', color: '#393b79', description: 'The government itself: 依法行政, 作风建设, 廉政, 政务公开, 数字政府.' },
    { id: 'targets', label: '目标任务', color: '#bcbd22', description: 'The year’s goals and main tasks: 主要预期目标, 总体要求, 重点工作.' },
    { id: 'figures', label: '数据指标', color: '#7f7f7f', description: 'Figures: counts, amounts, rates and other quantitative indicators.' },
  ].map((t) => Object.freeze(t)),
}) as Codebook;

/** A tag's changed fields; a tag keeps every field it has that the edit does not name (fields added later too). */
function withTag(cb: Codebook, id: string, change: (t: Tag) => Tag): CodebookEdit {
  if (!cb.tags.some((t) => t.id === id)) return fail('noTag', [id]);
  return ok({ ...cb, tags: cb.tags.map((t) => (t.id === id ? change(t) : t)) });
}

/** Gives a tag a new colour. */
export function recolorTag(cb: Codebook, id: string, color: string): CodebookEdit {
  if (!isColor(color)) return fail('notAColour', [color]);
  return withTag(cb, id, (t) => ({ ...t, color }));
}

/** Gives a tag a new description (may be empty). */
export function describeTag(cb: Codebook, id: string, description: string): CodebookEdit {
  return withTag(cb, id, (t) => ({ ...t, description: description.trim() }));
}

/** The ids of a tag and all the tags under it. */
function subtree(cb: Codebook, id: string): Set<string> {
  const out = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const t of cb.tags)
      if (t.parent !== undefined && out.has(t.parent) && !out.has(t.id)) {
        out.add(t.id);
        grew = true;
      }
  }
  return out;
}

/**
 * Moves a tag, with the tags under it, under another tag (or to the top level when `parent` is
 * undefined): it goes after the new parent's last descendant (or to the end). A tag cannot go under
 * itself or one of its own descendants.
 */
export function moveTag(cb: Codebook, id: string, parent: string | undefined): CodebookEdit {
  if (!cb.tags.some((t) => t.id === id)) return fail('noTag', [id]);
  if (parent !== undefined && !cb.tags.some((t) => t.id === parent)) return fail('unknownParentTag', [parent]);
  const moving = subtree(cb, id);
  if (parent !== undefined && moving.has(parent)) return fail('tagUnderItself', [id, parent]);
  const moved = cb.tags.filter((t) => moving.has(t.id)).map((t) => (t.id !== id ? t : parent === undefined ? withoutParent(t) : { ...t, parent }));
  const rest = cb.tags.filter((t) => !moving.has(t.id));
  let at = rest.length;
  if (parent !== undefined) {
    const under = subtree({ ...cb, tags: rest }, parent);
    at = rest.reduce((last, t, i) => (under.has(t.id) ? i + 1 : last), 0);
  }
  return ok({ ...cb, tags: [...rest.slice(0, at), ...moved, ...rest.slice(at)] });
}

function withoutParent(t: Tag): Tag {
  const { parent: _drop, ...rest } = t;
  return rest;
}

/**
 * Gives a tag a new id: in the codebook (its children follow it) here, and in every annotation
 * with retagAnnotation, so that nothing loses the tag.
 */
export function changeTagId(cb: Codebook, id: string, newId: string): CodebookEdit {
  if (!cb.tags.some((t) => t.id === id)) return fail('noTag', [id]);
  if (newId === id) return ok(cb);
  if (!TAG_ID.test(newId)) return fail('invalidTagId', [newId]);
  if (cb.tags.some((t) => t.id === newId)) return fail('tagExists', [newId]);
  return ok({
    ...cb,
    tags: cb.tags.map((t) => {
      const moved = t.id === id ? { ...t, id: newId } : t;
      return moved.parent === id ? { ...moved, parent: newId } : moved;
    }),
  });
}

/** An annotation's tags with one id replaced by another (each id once, in place); null when it does not have the id. */
export function retagAnnotation(tags: readonly string[], from: string, to: string): string[] | null {
  if (!tags.includes(from)) return null;
  return [...new Set(tags.map((t) => (t === from ? to : t)))];
}

/** A new tag id from a label: its ASCII letters and digits when it has some, else `tag`; numbered until it is free. */
export function newTagId(cb: Codebook, label: string): string {
  const base =
    label
      .normalize('NFKD')
      // The accents NFKD splits off go (Über → uber), not into a hyphen.
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 48) || 'tag';
  const taken = new Set(cb.tags.map((t) => t.id));
  if (!taken.has(base) && /^[a-z0-9]/.test(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
