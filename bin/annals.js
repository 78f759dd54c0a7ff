#!/usr/bin/env node

try {
  require('../dist/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/cli.js')) {
    process.stderr.write('annals: the CLI is not built yet. Run `npm install` (or `npm run build`) in the Annals folder first.\n');
    process.exit(1);
  }
  throw e;
}
