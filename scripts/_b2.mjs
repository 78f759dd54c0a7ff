import * as esbuild from 'esbuild';
await esbuild.build({ entryPoints: ['bench/_v.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'bench/.build/v.cjs', alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-lite.js' }, logLevel: 'warning' });
