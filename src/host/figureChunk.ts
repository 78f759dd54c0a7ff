/**
 * The figures of paragraphs for the Trends view, through the figures bundle loaded on first use (dist/figures.js, named
 * by the build's ANNALS_FIGURES define; from the sources, in tests, figures.ts), as exportBytes.ts loads the zip writer.
 */
declare const ANNALS_FIGURES: string;

type FiguresModule = typeof import('./figures.ts');

export async function paragraphsFiguresLazy(texts: readonly string[]): Promise<ReturnType<FiguresModule['paragraphsFigures']>> {
  const name = typeof ANNALS_FIGURES === 'string' ? ANNALS_FIGURES : './figures.ts';
  const m = (await import(name)) as Partial<FiguresModule> & { default?: Partial<FiguresModule> };
  const read = m.paragraphsFigures ?? m.default?.paragraphsFigures;
  if (!read) throw new Error(`the figures reader (${name}) did not load`);
  return read(texts);
}
