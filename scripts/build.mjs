// Bundles the extension and the CLI with esbuild. `--production` minifies (used by vsce).
import * as esbuild from 'esbuild';
import { cpSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import options from './esbuild-options.cjs';

const production = process.argv.includes('--production') || process.env.ANNALS_PRODUCTION === '1';

await Promise.all([
  esbuild.build({ ...options.extensionOptions({ production }), outfile: 'dist/extension.js' }),
  esbuild.build({ ...options.cliOptions({ production }), outfile: 'dist/cli.js' }),
  // pdfjs-dist in a bundle of its own, loaded only when a PDF is opened.
  esbuild.build({ ...options.pdfOptions({ production }), outfile: 'dist/pdf.mjs' }),
  // ExcelJS in a bundle of its own, loaded only for an XLSX export.
  esbuild.build({ ...options.xlsxOptions({ production }), outfile: 'dist/xlsx.js' }),
  // fflate's zip writer in a bundle of its own, loaded only for a QDPX export.
  esbuild.build({ ...options.zipOptions({ production }), outfile: 'dist/zip.js' }),
  // The figure and table reader in a bundle of its own, loaded only when the Trends view charts a figure.
  esbuild.build({ ...options.figuresOptions({ production }), outfile: 'dist/figures.js' }),
  // RE2JS, search's linear-time regular expressions, loaded only when a regular expression is searched.
  esbuild.build({ ...options.re2Options({ production }), outfile: 'dist/re2.mjs' }),
  // The extension's import worker (worker_threads): the core, without vscode.
  esbuild.build({ ...options.workerOptions({ production }), outfile: 'dist/importWorker.js' }),
  // The CLI's align worker: `annals align --jobs N` aligns series on every core.
  esbuild.build({ ...options.alignWorkerOptions({ production }), outfile: 'dist/alignWorker.js' }),
  // The CLI's file worker: `annals outline` and `search --jsonl --jobs N` import and print on every core.
  esbuild.build({ ...options.fileWorkerOptions({ production }), outfile: 'dist/fileWorker.js' }),
  // The Trends webview's script with Observable Plot, loaded by the webview only (not by the extension).
  esbuild.build({ ...options.trendsWebviewOptions({ production }), outfile: 'media/trends.js' }),
]);
// pdfjs-dist's character maps (CID fonts with a predefined encoding, common in Chinese PDFs), beside the PDF bundle:
// the VSIX ships no node_modules.
const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
cpSync(path.join(pdfjsRoot, 'cmaps'), 'dist/cmaps', { recursive: true });
if (process.argv.includes('--report')) console.log(`dist/extension.js: ${(statSync('dist/extension.js').size / 1024).toFixed(1)} KB`);
