import * as esbuild from 'esbuild';
await esbuild.build({ entryPoints: ['bench/_p.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: 'bench/.build/p.cjs', alias: { '@exodus/bytes/encoding.js': '@exodus/bytes/encoding-lite.js' }, logLevel: 'warning' });
