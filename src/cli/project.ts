/** The workspace's `.annals/project.json` (coding mode and coders) for `tag` and `agree`. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEFAULT_PROJECT, parseProject, PROJECT_PATH, type Project, problemText } from '../core/index.ts';
import { reason } from './files.ts';

/** The project of a workspace folder: the default (shared coding) when there is no file; an error when it cannot be read. */
export function readProject(workspace: string): { project: Project } | { error: string } {
  const file = path.join(workspace, PROJECT_PATH);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { project: DEFAULT_PROJECT };
    return { error: `${file}: cannot read: ${reason(e, 'no such file')}` };
  }
  const r = parseProject(text, file);
  return r.ok ? { project: r.value } : { error: problemText(r.problem) };
}
