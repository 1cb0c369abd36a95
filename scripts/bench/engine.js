'use strict';
/*
 * Engine throughput without file I/O: builds the grids once, then times rateWorkbook on them several times.
 * Prints one JSON object on stdout.
 *
 *   node scripts/bench/engine.js '{"dist":"…/dist/node","generator":"…/dist/generator/test/support/generateScorecard.js","rows":1000,"seed":1,"merges":false,"repeats":5,"file":"in.xlsx","grids":"package"}'
 *
 * engineDist, when given, is another build whose rateWorkbook rates the same grids: an earlier commit's.
 *
 * grids: "package" reads `file` through the workbook package reader, as the command line and the workbench
 * do (the grids they rate, display texts included); "adapter" reads it through the ExcelJS adapter, which
 * leaves ExcelJS's large heap alive beside the grids; "generator" builds them straight from the generator's
 * row model, with no file at all.
 */
const fs = require('fs');
const path = require('path');

const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;

async function loadGrids(opts) {
  if (opts.grids === 'package') {
    const { WorkbookPackage } = require(path.join(opts.dist, 'xlsx', 'workbookPackage.js'));
    const { zlibCodec } = require(path.join(opts.dist, 'cli', 'zlibCodec.js'));
    return { grids: WorkbookPackage.open(new Uint8Array(fs.readFileSync(opts.file)), zlibCodec).grids(), source: 'package' };
  }
  const adapterPath = path.join(opts.dist, 'exceljs', 'exceljsGrid.js');
  if (opts.grids === 'adapter' && fs.existsSync(adapterPath)) {
    const adapter = require(adapterPath);
    if (typeof adapter.readWorkbook === 'function') {
      const { grids } = await adapter.readWorkbook(fs.readFileSync(opts.file));
      return { grids, source: 'adapter' };
    }
  }
  if (opts.source === 'plan') return { grids: require(opts.scaledPlan).scaledPlanGrids(opts.planFixture, opts.rows), source: 'generator' };
  const { generateScorecardGrids } = require(opts.generator);
  return { grids: generateScorecardGrids(opts.rows, opts.seed, { merges: opts.merges }), source: 'generator' };
}

async function main() {
  const opts = JSON.parse(process.argv[2]);
  // The grids always come from the current build; the engine that rates them may be an earlier one (--engine-baseline).
  const { rateWorkbook } = require(path.join(opts.engineDist || opts.dist, 'scorecard', 'rateWorkbook.js'));
  const t0 = process.hrtime.bigint();
  const { grids, source } = await loadGrids(opts);
  const gridMs = ms(t0);

  // The first run warms up the JIT and is reported apart.
  const t1 = process.hrtime.bigint();
  const first = rateWorkbook(grids, { file: opts.file });
  const firstMs = ms(t1);
  const ratedRows = first.sheets.reduce((n, s) => n + s.rows.length, 0);

  const runsMs = [];
  for (let i = 0; i < opts.repeats; i++) {
    const t = process.hrtime.bigint();
    rateWorkbook(grids, { file: opts.file });
    runsMs.push(ms(t));
  }
  const sorted = [...runsMs].sort((a, b) => a - b);
  const medianMs = sorted[Math.floor(sorted.length / 2)];
  process.stdout.write(
    JSON.stringify({
      gridSource: source,
      gridMs,
      ratedRows,
      firstMs,
      runsMs,
      medianMs,
      rowsPerSecond: medianMs > 0 ? Math.round((opts.rows / medianMs) * 1000) : null,
      heapUsedMiB: process.memoryUsage().heapUsed / 1048576,
    }) + '\n',
  );
}

main().catch((err) => {
  console.error(`engine: ${err.message}`);
  process.exit(1);
});
