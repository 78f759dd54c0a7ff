// The esbuild options every bundle of Annals shares: the extension, the CLI, the bench and the bundle test.
'use strict';
const { readFileSync } = require('node:fs');
const path = require('node:path');

const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));

/** @param {{ production?: boolean }} [o] */
function commonOptions(o = {}) {
  const production = !!o.production;
  return {
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: production,
    sourcemap: !production,
    legalComments: 'none',
    // Chinese text in the sources (patterns, character tables) as UTF-8, not as \\uXXXX escapes (a third the size).
    charset: 'utf8',
    // ANNALS_XLSX, ANNALS_ZIP: the XLSX and zip writers' bundles beside the others in dist/ (src/host/exportBytes.ts imports them by these names);
    // ANNALS_FIGURES: the figures reader's (tables included) for the Trends view (src/host/figureChunk.ts).
    // ANNALS_IMPORT_WORKER, ANNALS_ALIGN_WORKER: the workers' bundles beside the CLI's (src/cli/pool.ts starts them by these names).
    define: {
      ANNALS_VERSION: JSON.stringify(pkg.version),
      ANNALS_XLSX: JSON.stringify('./xlsx.js'),
      ANNALS_ZIP: JSON.stringify('./zip.js'),
      ANNALS_FIGURES: JSON.stringify('./figures.js'),
      ANNALS_IMPORT_WORKER: JSON.stringify('importWorker.js'),
      ANNALS_ALIGN_WORKER: JSON.stringify('alignWorker.js'),
      ANNALS_FILE_WORKER: JSON.stringify('fileWorker.js'),
    },
    logLevel: 'warning',
  };
}

/**
 * A plugin that leaves the regular expression engine of search (src/host/re2.ts, RE2JS) out of a
 * bundle: its import becomes one of ./re2.mjs, the separate bundle beside it in dist/.
 */
const re2Chunk = {
  name: 'annals-re2-chunk',
  setup(build) {
    build.onResolve({ filter: /[\\/]re2\.ts$/ }, () => ({ path: './re2.mjs', external: true }));
  },
};

/** The extension bundle: `vscode` is provided by the editor; search's regex engine is a bundle of its own. */
function extensionOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/extension/extension.ts')], external: ['vscode'], plugins: [re2Chunk] };
}

/** The regular expression engine of search (RE2JS), as an ES module of its own. */
function re2Options(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/host/re2.ts')], format: 'esm' };
}

/**
 * A plugin that leaves the PDF host (src/host/pdfjs.ts) out of a bundle: its import becomes one of
 * ./pdf.mjs, the separate PDF bundle beside it in dist/.
 */
const pdfChunk = {
  name: 'annals-pdf-chunk',
  setup(build) {
    build.onResolve({ filter: /[\\/]pdfjs\.ts$/ }, () => ({ path: './pdf.mjs', external: true }));
  },
};

/** The CLI bundle (bin/annals.js loads it); PDFs are read through the separate PDF bundle. */
function cliOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/cli/index.ts')], plugins: [pdfChunk, re2Chunk] };
}

/** The XLSX bundle: ExcelJS and the writer, CommonJS, loaded by the CLI and the extension when an XLSX export is asked for. */
function xlsxOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/host/xlsx.ts')] };
}

/** The figures bundle: the figure and table reader, CommonJS, loaded by the extension when the Trends view charts a figure. */
function figuresOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/host/figures.ts')] };
}

/** The zip bundle: fflate's zip writer, CommonJS, loaded by the CLI and the extension when a QDPX is exported. */
function zipOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/host/zip.ts')] };
}

/**
 * The PDF bundle: pdfjs-dist (legacy build, for Node) and its worker, as an ES module (pdfjs uses
 * import.meta). Its optional canvas package is for rendering, which Annals never does.
 */
function pdfOptions(o = {}) {
  return {
    ...commonOptions(o),
    entryPoints: [path.join(__dirname, '..', 'src/host/pdfjs.ts')],
    format: 'esm',
    external: ['@napi-rs/canvas'],
    // A CommonJS require for the few Node built-ins pdfjs asks for by name.
    banner: { js: "import { createRequire as __annalsRequire } from 'node:module'; const require = __annalsRequire(import.meta.url);" },
  };
}

/** The extension's import worker (worker_threads): the core without vscode; PDFs through the PDF bundle. */
function workerOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/extension/importWorker.ts')], plugins: [pdfChunk] };
}

/** The CLI's align worker (worker_threads): one series aligned a message, its reports read again from their files (PDFs through the PDF bundle), for `annals align --jsonl`. */
function alignWorkerOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/cli/alignWorker.ts')], plugins: [pdfChunk] };
}

/** The CLI's file worker: a file imported and made into JSON Lines a message, for `outline` and `search --jsonl --jobs N`. */
function fileWorkerOptions(o = {}) {
  return { ...commonOptions(o), entryPoints: [path.join(__dirname, '..', 'src/cli/fileWorker.ts')], plugins: [pdfChunk, re2Chunk] };
}

/**
 * The Trends webview's script with Observable Plot (and the d3 modules it uses), for the browser:
 * media/trends.js, beside the extension rather than in it (dist/extension.js stays small).
 */
function trendsWebviewOptions(o = {}) {
  const production = !!o.production;
  return {
    bundle: true,
    platform: 'browser',
    target: 'chrome114',
    format: 'iife',
    minify: production,
    sourcemap: false,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'warning',
    entryPoints: [path.join(__dirname, '..', 'src/webview/trends.ts')],
  };
}

module.exports = {
  alignWorkerOptions,
  cliOptions,
  fileWorkerOptions,
  commonOptions,
  extensionOptions,
  pdfOptions,
  re2Options,
  trendsWebviewOptions,
  workerOptions,
  xlsxOptions,
  zipOptions,
  figuresOptions,
};
