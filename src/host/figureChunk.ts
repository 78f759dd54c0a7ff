/**
 * The figure reader, through the figures bundle loaded on first use (dist/figures.js, named by the build's ANNALS_FIGURES
 * define; from the sources, in tests, figures.ts), as exportBytes.ts loads the zip writer: the figures of paragraphs for
 * the Trends view, the reader itself and the template tables' for Compare.
 */
declare const ANNALS_FIGURES: string;

type FiguresModule = typeof import('./figures.ts');

async function load(): Promise<FiguresModule> {
  const name = typeof ANNALS_FIGURES === 'string' ? ANNALS_FIGURES : './figures.ts';
  const m = (await import(name)) as Partial<FiguresModule> & { default?: Partial<FiguresModule> };
  const paragraphsFigures = m.paragraphsFigures ?? m.default?.paragraphsFigures;
  const findFigures = m.findFigures ?? m.default?.findFigures;
  const templateFigures = m.templateFigures ?? m.default?.templateFigures;
  if (!paragraphsFigures || !findFigures || !templateFigures) throw new Error(`the figures reader (${name}) did not load`);
  return { paragraphsFigures, findFigures, templateFigures };
}

export async function paragraphsFiguresLazy(texts: readonly string[]): Promise<ReturnType<FiguresModule['paragraphsFigures']>> {
  return (await load()).paragraphsFigures(texts);
}

/** The figure readers Compare is given (buildCompareWith's `figures` and `tableFigures`). */
export async function compareFiguresLazy(): Promise<{ figures: FiguresModule['findFigures']; tableFigures: FiguresModule['templateFigures'] }> {
  const m = await load();
  return { figures: m.findFigures, tableFigures: m.templateFigures };
}
