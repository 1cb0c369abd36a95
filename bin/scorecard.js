#!/usr/bin/env node
'use strict';
// The command line runs from the compiled output: `npm ci` builds it through the "prepare" script.
let cli;
try {
  cli = require('../dist/node/cli/cli.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('dist/node/cli/cli.js')) {
    process.stderr.write('scorecard: the command line is not built yet: run "npm run prepare" (or "npm ci") first\n');
    process.exit(1);
  }
  throw e;
}
cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`scorecard: unexpected error: ${e && e.message ? e.message : e}\n`);
    process.exitCode = 1;
  },
);
