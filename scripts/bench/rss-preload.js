'use strict';
/*
 * Preloaded (node -r) into every benched child process: writes the child's peak resident set size (KiB) and
 * CPU time (µs) as JSON to SCORECARD_BENCH_RSS_FILE when it exits, however it exits. The bench prefers
 * GNU time's figures where the host has it.
 */
const fs = require('fs');

const out = process.env.SCORECARD_BENCH_RSS_FILE;
if (out) {
  process.on('exit', () => {
    try {
      const { maxRSS, userCPUTime, systemCPUTime } = process.resourceUsage();
      fs.writeFileSync(out, JSON.stringify({ maxRSS, userCPUTime, systemCPUTime }));
    } catch {
      // The bench reports the figure as missing; never change the child's exit.
    }
  });
}
