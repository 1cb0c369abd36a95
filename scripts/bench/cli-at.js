'use strict';
/*
 * The command line of another build, for before-and-after runs: `node cli-at.js DIST rate in.xlsx -o out.xlsx`
 * runs DIST/cli/cli.js as bin/scorecard.js runs the current one.
 */
const path = require('path');

const [dist, ...args] = process.argv.slice(2);
require(path.join(path.resolve(dist), 'cli', 'cli.js'))
  .main(args)
  .then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`scorecard: unexpected error: ${e && e.message ? e.message : e}\n`);
      process.exitCode = 1;
    },
  );
