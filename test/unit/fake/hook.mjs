const fake = new URL('./vscode.ts', import.meta.url).href;
export async function resolve(specifier, context, next) {
  if (specifier === 'vscode') return { url: fake, shortCircuit: true };
  return next(specifier, context);
}
