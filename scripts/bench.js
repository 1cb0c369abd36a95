#!/usr/bin/env node
'use strict';
/*
 * Performance bench for the command line and the engine.
 *
 *   npm run bench [-- --json] [--sizes 1000,10000] [--seed 1] [--merges] [--repeats 5] [--runs 3]
 *                 [--engine-grids adapter|generator] [--engine-baseline REV] [--cli-baseline REV] [--sections untouched,…]
 *                 [--no-build] [--keep]
 *
 * It compiles the TypeScript sources (tsc -p tsconfig.node.json → dist/node, and the test data generator → dist/generator) unless --no-build, then for
 * each size generates a synthetic scorecard (test/support/generateScorecard.ts) and measures, each in its own
 * child process so that peak memory is the child's own:
 *   bare    ExcelJS load + write of the same file, nothing else: the floor the command line stands on;
 *   cli     `node bin/scorecard.js rate in.xlsx -o out.xlsx --report r.json`, its runs taken in turns
 *           with the bare ones; wall time, CPU time (steadier on a shared machine) and peak RSS each; with
 *           --cli-baseline REV, the command line of that commit too, in the same turns (before and after);
 *   engine  rateWorkbook on grids already in memory, several runs, no file I/O; with --engine-baseline REV,
 *           the engine of that commit too (built into test-output/bench-baseline), rating the same grids,
 *           the two taken in turns, so "before and after" is measured in one run.
 * Goals (printed, never asserted): CLI/bare ≤ 0.35× in time and ≤ 0.5× in memory, engine ≥ 200,000 rows/s, and time
 * linear in rows (100k/10k ≈ 10×).
 *
 * Carry-down merges (Outcome / Lead / Action) are off unless --merges: ExcelJS checks each merge against
 * every earlier one, so a 100,000-row sheet with its ~70,000 merges takes minutes to load in ExcelJS alone,
 * which would hide everything the bench is for.
 *
 * Progress goes to stderr; with --json, stdout holds one JSON object with every figure.
 * To add figures, add an entry to SIZE_SECTIONS (per size) or RUN_SECTIONS (once per run, e.g. office-js
 * sync counts or bundle size): each returns a plain object that lands in the JSON under its key.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { bundleSize, bundleSizeLines } = require('./bench/bundleSize');
const { workbenchTimings, workbenchLines } = require('./bench/workbench');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'node');
const GENERATOR = path.join(ROOT, 'dist', 'generator', 'test', 'support', 'generateScorecard.js');
const SCALED_PLAN = path.join(ROOT, 'dist', 'generator', 'test', 'support', 'scaledPlan.js');
const PLAN_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'council-plan-2017-18-q2.xlsx');
const CLI = path.join(ROOT, 'bin', 'scorecard.js');
const PRELOAD = path.join(__dirname, 'bench', 'rss-preload.js');
const TIME = '/usr/bin/time';
const USAGE = `usage: npm run bench [-- options]
  --json                   print one JSON object with every figure (progress goes to stderr)
  --sizes 1000,10000       row counts to measure (default 1000,10000,100000; "10k" works)
  --engine-baseline REV    also time the engine of commit REV on the same grids (before and after)
  --cli-baseline REV       also run the command line of commit REV, in turns with the bare and current runs
  --source generated|plan  the scorecard measured: the generator's (default), or the Council Plan fixture's
                           rows repeated to each size in the fixture's own layout
  --seed N                 generator seed (default 1)
  --merges                 merge Outcome / Lead / Action down their rows (slow in ExcelJS at 100k rows)
  --repeats N              timed engine runs per size (default 5)
  --runs N                 bare and CLI child runs per size, median kept (default 3 up to 10,000 rows, else 1)
  --engine-grids package|adapter|generator
                           engine input: the file read by the workbook package reader, as the command line
                           reads it (default), through the ExcelJS adapter, or grids built straight from the
                           generator
  --workbench-sizes 5000,20000
                           scorecard sizes the workbench section opens in Chromium (default 5000,20000)
  --workbench-baseline REV also build the workbench pages of commit REV and time them in turns with these
  --sections bundle,untouched
                           the once-per-run sections to measure (default all: bundle, excelSyncs, workbench,
                           untouched; "none" for none), so that a quick run measures only the sizes
  --no-build               use dist/node as it is instead of compiling first
  --keep                   keep the generated and rated files
`;
const GOALS = { cliTimeRatio: 0.35, cliMemoryRatio: 0.5, engineRowsPerSecond: 200000, scaling: 'linear' };

function parseArgs(argv) {
  const opts = { json: false, sizes: [1000, 10000, 100000], seed: 1, merges: false, repeats: 5, source: 'generated', engineGrids: 'package', build: true, keep: false, baseline: null, workbenchSizes: [5000, 20000], workbenchBaseline: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--json') opts.json = true;
    else if (a === '--sizes') opts.sizes = next().split(',').map((s) => parseSize(s));
    else if (a === '--seed') opts.seed = Number(next());
    else if (a === '--source') opts.source = next();
    else if (a === '--merges') opts.merges = true;
    else if (a === '--repeats') opts.repeats = Math.max(1, Number(next()));
    else if (a === '--runs') opts.runs = Math.max(1, Number(next()));
    else if (a === '--engine-grids') opts.engineGrids = next();
    else if (a === '--engine-baseline') opts.baseline = next();
    else if (a === '--cli-baseline') opts.cliBaseline = next();
    else if (a === '--workbench-sizes') opts.workbenchSizes = next().split(',').map((s) => parseSize(s));
    else if (a === '--workbench-baseline') opts.workbenchBaseline = next();
    else if (a === '--sections') {
      const v = next();
      opts.sections = v === 'none' ? [] : v.split(',');
    }
    else if (a === '--no-build') opts.build = false;
    else if (a === '--keep') opts.keep = true;
    else if (a === '--help' || a === '-h') opts.help = true;
    else throw new Error(`unknown option ${a}`);
  }
  if (!['package', 'adapter', 'generator'].includes(opts.engineGrids)) throw new Error('--engine-grids must be package, adapter or generator');
  if (!['generated', 'plan'].includes(opts.source)) throw new Error('--source must be generated or plan');
  if (!Number.isInteger(opts.seed)) throw new Error('--seed must be an integer');
  return opts;
}

/** "10000", "10k", "100_000" → a row count. */
function parseSize(text) {
  const m = /^(\d+(?:\.\d+)?)(k?)$/i.exec(text.trim().replace(/[_,]/g, ''));
  const n = m ? Math.round(Number(m[1]) * (m[2] ? 1000 : 1)) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new Error(`bad size "${text}"`);
  return n;
}

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);
const ms = (from) => Number(process.hrtime.bigint() - from) / 1e6;
const mib = (kib) => (kib == null ? null : kib / 1024);

function build() {
  log('compiling (tsc -p tsconfig.node.json)…');
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  try {
    for (const project of ['tsconfig.node.json', 'tsconfig.generator.json']) execFileSync(process.execPath, [tsc, '-p', project], { cwd: ROOT, stdio: 'pipe' });
  } catch (err) {
    const out = `${err.stdout || ''}${err.stderr || ''}`.trim();
    throw new Error(`tsc failed, nothing was measured:\n${out}`);
  }
}

let childCount = 0;

/**
 * Runs `node <args>` in a child and returns its wall time, exit status, output and peak RSS (KiB). Peak RSS
 * comes from GNU time when the host has it, else from the preload that reports process.resourceUsage().
 */
function runNode(args, dir) {
  const rssFile = path.join(dir, `rss-${++childCount}.txt`);
  const env = { ...process.env, SCORECARD_BENCH_RSS_FILE: rssFile };
  const nodeArgs = ['-r', PRELOAD, ...args];
  const useTime = fs.existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = useTime
    ? spawnSync(TIME, ['-v', process.execPath, ...nodeArgs], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 })
    : spawnSync(process.execPath, nodeArgs, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wallMs = ms(t0);
  let stderr = r.stderr || '';
  let rssKiB = null;
  let rssSource = null;
  let cpuMs = null;
  if (useTime) {
    const cut = stderr.lastIndexOf('\tCommand being timed:');
    const report = stderr.slice(Math.max(cut, 0));
    const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (m) [rssKiB, rssSource] = [Number(m[1]), 'time -v'];
    const user = /User time \(seconds\): ([\d.]+)/.exec(report);
    const sys = /System time \(seconds\): ([\d.]+)/.exec(report);
    if (user && sys) cpuMs = (Number(user[1]) + Number(sys[1])) * 1000;
    if (cut >= 0) stderr = stderr.slice(0, cut);
  }
  if (fs.existsSync(rssFile)) {
    const usage = JSON.parse(fs.readFileSync(rssFile, 'utf8'));
    if (rssKiB == null) [rssKiB, rssSource] = [usage.maxRSS, 'resourceUsage'];
    if (cpuMs == null) cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
  }
  // GNU time reports the child's signal or exit; node's own status is what matters.
  const status = r.error ? -1 : r.status;
  return { wallMs, cpuMs, status, stdout: r.stdout || '', stderr: stderr.trim(), rssKiB, rssSource, error: r.error && r.error.message };
}

/** The median run by wall time, with every run's wall and CPU time beside it: small sizes are noisy. */
function median(all) {
  const m = [...all].sort((a, b) => a.wallMs - b.wallMs)[Math.floor(all.length / 2)];
  return { ...m, runsMs: all.map((x) => x.wallMs), runsCpuMs: all.map((x) => x.cpuMs) };
}

function lastJsonLine(text) {
  const line = text.trim().split('\n').pop();
  return line ? JSON.parse(line) : {};
}

function firstLine(text) {
  return (text || '').split('\n').find((l) => l.trim()) || '';
}

// ---------------------------------------------------------------------------------------------- sections

async function generateInput(ctx) {
  const t0 = process.hrtime.bigint();
  if (ctx.options.source === 'plan') await require(SCALED_PLAN).writeScaledPlanFile(ctx.file, PLAN_FIXTURE, ctx.size);
  else await require(GENERATOR).writeScorecardFile(ctx.file, ctx.size, ctx.options.seed, { merges: ctx.options.merges });
  return { ms: ms(t0), bytes: fs.statSync(ctx.file).size };
}

/**
 * The bare ExcelJS round trip and the command line on the same file, their runs taken in turns (bare, CLI,
 * bare…) so that a machine that gets busier or quieter during the run weighs on both alike.
 */
function benchRoundTrips(ctx) {
  const script = path.join(__dirname, 'bench', 'bare-roundtrip.js');
  const cliOut = path.join(ctx.dir, `cli-${ctx.size}.xlsx`);
  const report = path.join(ctx.dir, `cli-${ctx.size}.json`);
  const kinds = [
    { key: 'bare', args: [script, ctx.file, path.join(ctx.dir, `bare-${ctx.size}.xlsx`)] },
    { key: 'cli', args: [CLI, 'rate', ctx.file, '-o', cliOut, '--report', report] },
  ];
  const baselineOut = path.join(ctx.dir, `cli-baseline-${ctx.size}.xlsx`);
  const baselineReport = path.join(ctx.dir, `cli-baseline-${ctx.size}.json`);
  if (ctx.options.cliBaselineDist) {
    kinds.push({ key: 'cliBaseline', args: [path.join(__dirname, 'bench', 'cli-at.js'), ctx.options.cliBaselineDist, 'rate', ctx.file, '-o', baselineOut, '--report', baselineReport] });
  }
  const runs = Object.fromEntries(kinds.map((k) => [k.key, []]));
  const failed = { cli: fs.existsSync(CLI) ? null : { error: 'bin/scorecard.js not found' } };
  for (let i = 0; i < ctx.runs && kinds.some((k) => !failed[k.key]); i++) {
    for (const kind of kinds) {
      if (failed[kind.key]) continue;
      const r = runNode(kind.args, ctx.dir);
      if (r.status === 0) runs[kind.key].push(r);
      else failed[kind.key] = { error: firstLine(r.stderr) || r.error || `exit ${r.status}`, ms: r.wallMs };
    }
  }
  return {
    bare: failed.bare || bareFigures(median(runs.bare)),
    cli: failed.cli || cliFigures(median(runs.cli), cliOut, report),
    ...(ctx.options.cliBaselineDist ? { cliBaseline: failed.cliBaseline || cliFigures(median(runs.cliBaseline), baselineOut, baselineReport) } : {}),
  };
}

function bareFigures(r) {
  return { ms: r.wallMs, cpuMs: r.cpuMs, runsMs: r.runsMs, runsCpuMs: r.runsCpuMs, ...lastJsonLine(r.stdout), peakRssMiB: mib(r.rssKiB), rssSource: r.rssSource };
}

function cliFigures(r, out, report) {
  let ratedRows = null;
  try {
    ratedRows = JSON.parse(fs.readFileSync(report, 'utf8')).rows.length;
  } catch {
    // A missing or odd report is shown as a missing count, not a failed timing.
  }
  return {
    ms: r.wallMs,
    cpuMs: r.cpuMs,
    runsMs: r.runsMs,
    runsCpuMs: r.runsCpuMs,
    peakRssMiB: mib(r.rssKiB),
    rssSource: r.rssSource,
    ratedRows,
    outputBytes: fs.existsSync(out) ? fs.statSync(out).size : null,
  };
}

function engineRun(ctx, engineDist) {
  const args = { dist: DIST, generator: GENERATOR, scaledPlan: SCALED_PLAN, planFixture: PLAN_FIXTURE, source: ctx.options.source, rows: ctx.size, seed: ctx.options.seed, merges: ctx.options.merges, repeats: ctx.options.repeats, file: ctx.file, grids: ctx.options.engineGrids, ...(engineDist ? { engineDist } : {}) };
  const r = runNode([path.join(__dirname, 'bench', 'engine.js'), JSON.stringify(args)], ctx.dir);
  if (r.status !== 0) return { error: firstLine(r.stderr) || r.error || `exit ${r.status}` };
  return { ...lastJsonLine(r.stdout), peakRssMiB: mib(r.rssKiB) };
}

/** The faster of two runs: on a shared machine the slower one mostly measures the neighbours. */
function faster(a, b) {
  if (a.error || b.error) return a.error ? b : a;
  return (a.rowsPerSecond || 0) >= (b.rowsPerSecond || 0) ? a : b;
}

function benchEngine(ctx) {
  if (!ctx.options.baselineDist) return engineRun(ctx);
  // Now and the baseline in turns, twice each, so that both see the same machine.
  const runs = [engineRun(ctx), engineRun(ctx, ctx.options.baselineDist), engineRun(ctx), engineRun(ctx, ctx.options.baselineDist)];
  const now = faster(runs[0], runs[2]);
  const before = faster(runs[1], runs[3]);
  return { ...now, baseline: { rev: ctx.options.baseline, rowsPerSecond: before.rowsPerSecond ?? null, medianMs: before.medianMs ?? null, error: before.error } };
}

/**
 * Builds the engine of an earlier commit (git archive of src and the tsconfigs, then tsc) into
 * test-output/bench-baseline/REV, inside the repository so that it finds the same node_modules.
 */
function buildBaseline(rev) {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(ROOT, 'test-output', 'bench-baseline', sha);
  const dist = path.join(dir, 'dist', 'node');
  if (fs.existsSync(path.join(dist, 'scorecard', 'rateWorkbook.js'))) return dist;
  log(`building the engine of ${rev} (${sha})…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src', 'tsconfig.json', 'tsconfig.node.json'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.node.json')], { cwd: dir, stdio: 'pipe' });
  } catch (err) {
    throw new Error(`the baseline ${rev} did not compile:\n${`${err.stdout || ''}${err.stderr || ''}`.trim()}`);
  }
  return dist;
}

/** Figures measured for every size, in this order; each result is stored under its key. */
const SIZE_SECTIONS = [
  { key: 'input', label: 'generating input', run: generateInput },
  // Returns { bare, cli }, stored as figures.bare and figures.cli.
  { key: 'roundTrips', label: 'bare ExcelJS read + write and the command line, in turns', run: benchRoundTrips, spread: true },
  { key: 'engine', label: 'engine', run: benchEngine },
];

/**
 * Figures measured once per run (office-js sync counts, bundle size…): { key, label, run(ctx) → object,
 * print?(figures) → lines }. Results land in report.sections[key].
 */
const RUN_SECTIONS = [
  { key: 'bundle', label: 'production bundle size (JavaScript before compression; task pane goal < 610 KiB)', run: () => bundleSize(), print: bundleSizeLines },
  { key: 'excelSyncs', label: 'office-js round trips on a fake Excel (100, 1,000 and 10,000 rows)', run: excelSyncCounts, print: excelSyncLines },
  {
    key: 'workbench',
    label: 'the workbench in headless Chromium at 1366×768: choosing a generated scorecard to its rated rows on screen, and each key typed into Find to the list updated',
    run: ({ dir, options }) => workbenchTimings({ generator: GENERATOR, sizes: options.workbenchSizes, seed: options.seed, baseline: options.workbenchBaseline, dir }),
    print: workbenchLines,
  },
  { key: 'untouched', label: 'a 1,000,000-row untouched sheet beside a 10,000-row scorecard (goal: costs what the scorecard alone does)', run: untouchedSheet, print: untouchedLines },
];

/**
 * The command line on a 10,000-row scorecard, alone and beside a million-row data sheet, in turns: the
 * second's peak memory over the first's is what the untouched sheet costs.
 */
async function untouchedSheet({ dir, options }) {
  const { writeScorecardFile } = require(GENERATOR);
  const small = path.join(dir, 'untouched-small.xlsx');
  const big = path.join(dir, 'untouched-big.xlsx');
  await writeScorecardFile(small, 10000, options.seed, {});
  const made = runNode([path.join(__dirname, 'bench', 'untouched.js'), JSON.stringify({ dist: DIST, input: small, output: big, rows: 1000000 })], dir);
  if (made.status !== 0) return { error: firstLine(made.stderr) || `exit ${made.status}` };
  const runs = { small: [], big: [] };
  for (let i = 0; i < 2; i++) {
    for (const [key, file] of [['small', small], ['big', big]]) {
      const r = runNode([CLI, 'rate', file, '-o', path.join(dir, `untouched-${key}-out.xlsx`)], dir);
      if (r.status !== 0) return { error: firstLine(r.stderr) || `exit ${r.status}` };
      runs[key].push(r);
    }
  }
  const best = (list) => list.reduce((a, b) => (a.rssKiB <= b.rssKiB ? a : b));
  const [s, b] = [best(runs.small), best(runs.big)];
  return { smallMs: s.wallMs, bigMs: b.wallMs, smallRssMiB: mib(s.rssKiB), bigRssMiB: mib(b.rssKiB), bigFileBytes: fs.statSync(big).size, memoryRatio: s.rssKiB ? b.rssKiB / s.rssKiB : null };
}

function untouchedLines(f) {
  if (!f || f.error) return [`  ${f ? f.error : 'not measured'}`];
  return [
    `  scorecard alone           ${secs(f.smallMs)}   ${mem(f.smallRssMiB)}`,
    `  beside 1,000,000 rows     ${secs(f.bigMs)}   ${mem(f.bigRssMiB)}   (file ${(f.bigFileBytes / 1048576).toFixed(1)} MiB)`,
    `  memory, beside / alone    ${f.memoryRatio == null ? '–' : `${f.memoryRatio.toFixed(2)}×`}`,
  ];
}

/** Sync counts come from the add-in's own bench over the fake Excel, compiled and run in a child process. */
function excelSyncCounts() {
  const root = path.resolve(__dirname, '..');
  const tsc = path.join(root, 'node_modules', '.bin', 'tsc');
  execFileSync(tsc, ['-p', 'tsconfig.syncbench.json'], { cwd: root, stdio: 'inherit' });
  const script = path.join(root, 'dist', 'syncbench', 'test', 'excel', 'support', 'syncBench.js');
  const json = execFileSync(process.execPath, [script, '--sizes', '100,1000,10000', '--json'], { cwd: root, maxBuffer: 64 << 20 }).toString();
  const text = execFileSync(process.execPath, [script, '--sizes', '100,1000,10000'], { cwd: root, maxBuffer: 64 << 20 }).toString();
  return { figures: JSON.parse(json), lines: text.trimEnd().split('\n') };
}

function excelSyncLines(figures) {
  return figures.lines;
}

// ------------------------------------------------------------------------------------------------ figures

function ratio(a, b) {
  return a != null && b ? a / b : null;
}

function derive(fig) {
  return {
    cliTime: ratio(fig.cli && fig.cli.ms, fig.bare && fig.bare.ms),
    cliMemory: ratio(fig.cli && fig.cli.peakRssMiB, fig.bare && fig.bare.peakRssMiB),
    // CPU time is steadier than wall time on a shared machine; printed beside it, not a goal of its own.
    cliCpu: ratio(fig.cli && fig.cli.cpuMs, fig.bare && fig.bare.cpuMs),
    baselineTime: ratio(fig.cliBaseline && fig.cliBaseline.ms, fig.bare && fig.bare.ms),
    baselineMemory: ratio(fig.cliBaseline && fig.cliBaseline.peakRssMiB, fig.bare && fig.bare.peakRssMiB),
    baselineCpu: ratio(fig.cliBaseline && fig.cliBaseline.cpuMs, fig.bare && fig.bare.cpuMs),
    // Over the round trip packed as the command line packs: what rating itself costs.
  };
}

/** Time growth between consecutive sizes: linear means the time ratio matches the row ratio. */
function scaling(sizes) {
  const out = [];
  for (let i = 1; i < sizes.length; i++) {
    const [a, b] = [sizes[i - 1], sizes[i]];
    out.push({
      from: a.rows,
      to: b.rows,
      rowsRatio: b.rows / a.rows,
      bare: ratio(b.bare && b.bare.ms, a.bare && a.bare.ms),
      cli: ratio(b.cli && b.cli.ms, a.cli && a.cli.ms),
      engine: ratio(b.engine && b.engine.medianMs, a.engine && a.engine.medianMs),
    });
  }
  return out;
}

/** The figures the goals are about, by row count, for tracking from run to run without digging. */
function headline(report) {
  const by = (fn) => Object.fromEntries(report.sizes.map((f) => [f.rows, fn(f)]));
  return {
    cliTimeRatio: by((f) => f.ratios.cliTime),
    cliMemoryRatio: by((f) => f.ratios.cliMemory),
    cliCpuRatio: by((f) => f.ratios.cliCpu),
    engineRowsPerSecond: by((f) => (f.engine ? f.engine.rowsPerSecond : null)),
    timeGrowth: Object.fromEntries(report.scaling.map((x) => [`${x.to}/${x.from}`, { rows: x.rowsRatio, cli: x.cli, bare: x.bare }])),
  };
}

// ----------------------------------------------------------------------------------------------- printing

const int = (n) => (n == null ? '–' : Math.round(n).toLocaleString('en-GB'));
const secs = (v) => (v == null ? '–' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);
const mem = (v) => (v == null ? '–' : `${Math.round(v).toLocaleString('en-GB')} MiB`);
const bytes = (b) => (b == null ? '–' : b < 1048576 ? `${(b / 1024).toFixed(0)} KB` : `${(b / 1048576).toFixed(1)} MB`);
const times = (r, goal) => (r == null ? '–' : `${r.toFixed(2)}×${goal != null ? (r <= goal ? ' ok' : ' over') : ''}`);

function printReport(report) {
  const cols = report.sizes;
  const rows = [
    ['rows', (f) => int(f.rows)],
    ['input file', (f) => bytes(f.input && f.input.bytes)],
    ['bare ExcelJS time', (f) => secs(f.bare && f.bare.ms)],
    ['bare ExcelJS peak RSS', (f) => mem(f.bare && f.bare.peakRssMiB)],
    ['CLI time', (f) => secs(f.cli && f.cli.ms)],
    ['CLI peak RSS', (f) => mem(f.cli && f.cli.peakRssMiB)],
    [`CLI/bare time (≤${GOALS.cliTimeRatio})`, (f) => times(f.ratios.cliTime, GOALS.cliTimeRatio)],
    [`CLI/bare memory (≤${GOALS.cliMemoryRatio})`, (f) => times(f.ratios.cliMemory, GOALS.cliMemoryRatio)],
    ['bare ExcelJS CPU time', (f) => secs(f.bare && f.bare.cpuMs)],
    ['CLI CPU time', (f) => secs(f.cli && f.cli.cpuMs)],
    ['CLI/bare CPU time', (f) => times(f.ratios.cliCpu)],
    ['CLI rows in report', (f) => int(f.cli && f.cli.ratedRows)],
    ...(report.options.cliBaseline
      ? [
          [`CLI at ${report.options.cliBaseline}: time`, (f) => secs(f.cliBaseline && f.cliBaseline.ms)],
          [`CLI at ${report.options.cliBaseline}: peak RSS`, (f) => mem(f.cliBaseline && f.cliBaseline.peakRssMiB)],
          [`CLI at ${report.options.cliBaseline}/bare time`, (f) => times(f.ratios.baselineTime, GOALS.cliTimeRatio)],
          [`CLI at ${report.options.cliBaseline}/bare memory`, (f) => times(f.ratios.baselineMemory, GOALS.cliMemoryRatio)],
          [`CLI at ${report.options.cliBaseline}/bare CPU time`, (f) => times(f.ratios.baselineCpu)],
        ]
      : []),
    ['engine median run', (f) => secs(f.engine && f.engine.medianMs)],
    [`engine rows/s (≥${int(GOALS.engineRowsPerSecond)})`, (f) => (f.engine && f.engine.rowsPerSecond != null ? `${int(f.engine.rowsPerSecond)}${f.engine.rowsPerSecond >= GOALS.engineRowsPerSecond ? ' ok' : ' under'}` : '–')],
    ...(report.options.baseline
      ? [
          [`engine rows/s at ${report.options.baseline}`, (f) => (f.engine && f.engine.baseline && f.engine.baseline.rowsPerSecond != null ? int(f.engine.baseline.rowsPerSecond) : '–')],
          ['engine now/baseline', (f) => (f.engine && f.engine.baseline && f.engine.baseline.rowsPerSecond ? times(f.engine.rowsPerSecond / f.engine.baseline.rowsPerSecond) : '–')],
        ]
      : []),
    ['engine first run', (f) => secs(f.engine && f.engine.firstMs)],
  ];
  const table = rows.map(([label, fn]) => [label, ...cols.map(fn)]);
  const widths = table[0].map((_, c) => Math.max(...table.map((r) => r[c].length)));
  const o = report.options;
  const lines = [
    `Scorecard bench: node ${report.env.node}, ${report.env.platform} ${report.env.arch}, ${report.env.cpus} CPUs, ${report.env.memoryGiB.toFixed(1)} GiB`,
    `${o.source === 'plan' ? 'the Council Plan fixture\'s rows repeated' : `generated scorecard, seed ${o.seed}, carry-down merges ${o.merges ? 'on' : 'off'}`}, engine grids from the ${o.engineGrids}, ${o.repeats} timed engine runs, ` +
      `median of ${o.runs === 'auto' ? '3 (≤10k rows) or 1' : o.runs} bare and CLI runs taken in turns; peak RSS via ${report.env.rssSource}`,
    '',
    ...table.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('   ')),
  ];
  for (const s of report.scaling) {
    const f = (r) => (r == null ? '–' : `${r.toFixed(1)}×`);
    lines.push('', `${int(s.from)} → ${int(s.to)} rows (${f(s.rowsRatio)} rows; linear = same): bare ${f(s.bare)}, CLI ${f(s.cli)}, engine ${f(s.engine)}`);
  }
  for (const f of cols) {
    for (const key of ['bare', 'cli', 'cliBaseline', 'engine']) {
      if (f[key] && f[key].error) lines.push(`${int(f.rows)} rows, ${key}: ${f[key].error}`);
    }
  }
  for (const s of RUN_SECTIONS.filter((x) => x.key in report.sections)) {
    const figures = report.sections[s.key];
    lines.push('', `${s.label}:`, ...(s.print ? s.print(figures) : [JSON.stringify(figures, null, 2)]));
  }
  process.stdout.write(lines.join('\n') + '\n');
}

// ---------------------------------------------------------------------------------------------------- main

async function runSection(section, ctx) {
  try {
    return await section.run(ctx);
  } catch (err) {
    return { error: err.message };
  }
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }
  const unknown = (options.sections || []).filter((k) => !RUN_SECTIONS.some((x) => x.key === k));
  if (unknown.length) throw new Error(`unknown section ${unknown.join(', ')}: choose from ${RUN_SECTIONS.map((x) => x.key).join(', ')}`);
  if (options.build) build();
  if (options.baseline) options.baselineDist = buildBaseline(options.baseline);
  if (options.cliBaseline) options.cliBaselineDist = buildBaseline(options.cliBaseline);
  if (!fs.existsSync(GENERATOR)) throw new Error('dist/generator is missing: run `npm run build` or drop --no-build');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-bench-'));
  const report = {
    bench: 'scorecard',
    date: new Date().toISOString(),
    env: {
      node: process.version,
      platform: process.platform,
      arch: process.arch,
      cpus: os.cpus().length,
      memoryGiB: os.totalmem() / 1073741824,
      rssSource: fs.existsSync(TIME) ? 'time -v' : 'process.resourceUsage()',
    },
    options: { sizes: options.sizes, source: options.source, seed: options.seed, merges: options.merges, repeats: options.repeats, runs: options.runs || 'auto', engineGrids: options.engineGrids, baseline: options.baseline, cliBaseline: options.cliBaseline },
    goals: GOALS,
    sizes: [],
    scaling: [],
    sections: {},
  };
  try {
    for (const size of options.sizes) {
      const figures = { rows: size };
      const runs = options.runs || (size <= 10000 ? 3 : 1);
      const ctx = { size, runs, dir, file: path.join(dir, `scorecard-${size}.xlsx`), options, figures };
      for (const section of SIZE_SECTIONS) {
        log(`${int(size)} rows: ${section.label}…`);
        const result = await runSection(section, ctx);
        if (section.spread && !result.error) Object.assign(figures, result);
        else figures[section.key] = result;
      }
      figures.ratios = derive(figures);
      report.sizes.push(figures);
      // Inputs of 100,000 rows are large; only the current one is kept on disk.
      if (!options.keep) for (const f of fs.readdirSync(dir)) if (f.endsWith('.xlsx')) fs.rmSync(path.join(dir, f));
    }
    report.scaling = scaling(report.sizes);
    report.headline = headline(report);
    for (const section of RUN_SECTIONS.filter((x) => !options.sections || options.sections.includes(x.key))) {
      log(`${section.label}…`);
      report.sections[section.key] = await runSection(section, { dir, options, report });
    }
  } finally {
    if (options.keep) log(`kept the files in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }

  if (options.json) process.stdout.write(JSON.stringify(report) + '\n');
  else printReport(report);
}

main().catch((err) => {
  log(err.message);
  process.exit(1);
});
