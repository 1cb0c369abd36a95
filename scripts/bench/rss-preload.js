'use strict';
/*
 * Preloaded (node -r) into a benched child process where /usr/bin/time is missing: writes the child's peak
 * resident set size (KiB) to SCORECARD_BENCH_RSS_FILE when it exits, however it exits.
 */
const fs = require('fs');

const out = process.env.SCORECARD_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      fs.writeFileSync(out, String(process.resourceUsage().maxRSS));
    } catch {
      // The bench reports the figure as missing; never change the child's exit.
    }
  });
}
