// Resolves `vscode` to the in-process fake (test/unit/fake/vscode.ts), for both ESM imports
// and the CommonJS requires that tsx compiles TypeScript test files into.
import Module, { register } from 'node:module';
import { fileURLToPath } from 'node:url';

const fakePath = fileURLToPath(new URL('./vscode.ts', import.meta.url));
const original = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === 'vscode') return fakePath;
  return original.call(this, request, ...rest);
};
register('./hook.mjs', import.meta.url);
