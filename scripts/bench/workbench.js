'use strict';
/**
 * The workbench as a user meets it, in headless Chromium over the production build: how long a generated
 * scorecard takes from choosing the file to its rated rows on screen, and how long each key typed into
 * Find takes to update the list. Both are timed inside the page (performance.now), up to the frame that
 * shows the change, so the transfer of the file into the page and the driver's polling are not counted.
 *
 *   node scripts/bench/workbench.js [--sizes 5000,20000] [--baseline REV] [--json]
 *
 * Used by `npm run bench` (its workbench section). With a baseline, the pages of that commit are built too
 * (into test-output/bench-baseline/REV-pages) and the two builds are measured in turns on the same files.
 */
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { buildPages, ROOT } = require('../buildPages');
const { launchChromium } = require('../chromium');
const { serveStatic } = require('../staticServer');

/* global window, document, performance, requestAnimationFrame, MutationObserver, setTimeout, clearTimeout -- the watchers below run inside the page. */

/** The issue's goals: the first rated view of 20,000 rows within 5 s, each Find key within 200 ms. */
const GOALS = { firstViewMs: { 20000: 5000 }, findKeyMs: 200 };
/** Typed one key at a time, then taken back: each step narrows or widens the list. */
const FIND_KEYS = ['c', 'a', 'r', 'e', 'r', 's', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace', 'Backspace'];
/** A Find update is over when the page has changed nothing for this long. */
const QUIET_MS = 400;
const VIEWPORT = { width: 1366, height: 768 };
/** A rated row on screen, in the table of earlier builds or the list of later ones. */
const RATED_ROW = 'table[aria-label="Rated rows"] tbody tr, [aria-label="Rated rows"] [role="row"][data-row]';

const log = (msg) => process.stderr.write(`bench: ${msg}\n`);

/** In the page: resolves with the time of the first frame painted after `selector` matched, from the file's choice. */
function watchFirstView(selector) {
  return new Promise((resolve) => {
    const done = () => requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - window.benchChosenAt)));
    const observer = new MutationObserver(() => {
      if (window.benchChosenAt !== undefined && document.querySelector(selector)) {
        observer.disconnect();
        done();
      }
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/**
 * In the page: arms a watcher for the next key and leaves its promise on window.benchKey, resolving with
 * the time from keydown to the frame after the last change it caused (null if it changed nothing). Armed
 * and awaited in two steps, around the key press: a watcher started in the same breath as the press can
 * be installed after the key has already arrived, and then waits for ever.
 */
function armKey(quietMs) {
  window.benchKey = new Promise((resolve) => {
    let keyAt;
    let paintedAt;
    let timer;
    const settle = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        observer.disconnect();
        resolve(paintedAt === undefined ? null : paintedAt - keyAt);
      }, quietMs);
    };
    const observer = new MutationObserver(() => {
      requestAnimationFrame(() =>
        setTimeout(() => {
          paintedAt = performance.now();
        }),
      );
      settle();
    });
    window.addEventListener(
      'keydown',
      () => {
        keyAt = performance.now();
        observer.observe(document.body, { childList: true, subtree: true, characterData: true });
        settle();
      },
      { capture: true, once: true },
    );
  });
}

/** Rejects after `ms` with a message naming the step, so a page that stops answering ends the run with a reason. */
function within(ms, step, promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${step}: nothing within ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The page's own JavaScript heap in MiB, from the DevTools protocol; null once the page is gone. */
async function heapMiB(context, page) {
  try {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize');
    return used ? used.value / 1048576 : null;
  } catch {
    return null;
  }
}

function median(xs) {
  const s = xs.filter((x) => x != null).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : null;
}

/**
 * One build on one file: the first rated view, then every Find key. Each wait is bounded and named, and a
 * renderer that dies (out of memory, say) is reported as that, with the heap last seen, rather than as
 * whatever the next call to the closed page says.
 */
async function measure(browser, url, file) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  let died = null;
  let heap = null;
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('crash', () => (died = 'the page crashed'));
    const guard = async (step, ms, work) => {
      try {
        return await within(ms, step, work);
      } catch (e) {
        const why = died ? `${died} during ${step}${heap != null ? ` (JavaScript heap ${heap.toFixed(0)} MiB before)` : ''}` : e.message;
        throw new Error(`${why}${errors.length ? `; page error: ${errors[0]}` : ''}`);
      }
    };
    await guard('loading the page', 60000, page.goto(`${url}workbench.html`).then(() => page.getByRole('button', { name: 'Choose a workbook…' }).waitFor()));
    await page.evaluate(() => document.addEventListener('change', () => (window.benchChosenAt = performance.now()), { capture: true, once: true }));
    const view = page.evaluate(watchFirstView, RATED_ROW);
    view.catch(() => {});
    await guard('handing the file to the page', 60000, page.setInputFiles('input[type=file]', file));
    const firstViewMs = await guard('the first rated row', 120000, view);
    heap = await heapMiB(context, page);
    // The page finishes what it does after the first view (writing the package) before Find is timed.
    await guard('the download button', 120000, page.locator('button:enabled', { hasText: 'Download rated workbook' }).waitFor({ timeout: 0 }));
    await guard('clicking Find', 60000, page.getByLabel('Find', { exact: true }).click({ timeout: 0 }));
    const keys = [];
    for (const key of FIND_KEYS) {
      await page.evaluate(armKey, QUIET_MS);
      await guard(`pressing ${key}`, 30000, page.keyboard.press(key));
      keys.push(await guard(`the list after ${key}`, 30000, page.evaluate(() => window.benchKey)));
    }
    heap = (await heapMiB(context, page)) ?? heap;
    if (errors.length) throw new Error(errors[0]);
    return { firstViewMs, findKeysMs: keys, findMedianMs: median(keys), findMaxMs: Math.max(...keys.filter((k) => k != null)), heapMiB: heap };
  } finally {
    await context.close().catch(() => {});
  }
}

/** The pages of an earlier commit, built once into test-output/bench-baseline. */
async function baselinePages(rev) {
  const sha = execFileSync('git', ['rev-parse', '--short', rev], { cwd: ROOT, encoding: 'utf8' }).trim();
  const dir = path.join(ROOT, 'test-output', 'bench-baseline', `${sha}-pages`);
  const out = path.join(dir, 'dist');
  if (fs.existsSync(path.join(out, 'workbench.html'))) return out;
  log(`building the pages of ${rev} (${sha})…`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'tree'), { recursive: true });
  const tar = execFileSync('git', ['archive', '--format=tar', sha, 'src', 'assets', 'manifest.xml', 'webpack.config.js', 'webpack.csp.js', 'tsconfig.json'], { cwd: ROOT, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', path.join(dir, 'tree')], { input: tar });
  await buildPages({ outputPath: out, root: path.join(dir, 'tree') });
  return out;
}

/**
 * Resolves to { sizes: [{ rows, now: {firstViewMs, findMedianMs, …}, baseline? }], goals }. `generator` is the
 * compiled test data generator (dist/generator); `pages` a build to use instead of building one.
 */
async function workbenchTimings({ generator, sizes = [5000, 20000], seed = 1, baseline = null, pages = null, dir = null }) {
  const { writeScorecardFile } = require(generator);
  const work = dir || fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-workbench-bench-'));
  const builds = [];
  try {
    let now = pages;
    if (!now) {
      log('workbench: building the pages…');
      now = path.join(work, 'pages');
      await buildPages({ outputPath: now });
    }
    builds.push({ key: 'now', root: now });
    if (baseline) builds.push({ key: 'baseline', root: await baselinePages(baseline), rev: baseline });
    const servers = await Promise.all(builds.map((b) => serveStatic({ root: b.root })));
    const out = [];
    try {
      for (const rows of sizes) {
        const file = path.join(work, `workbench-${rows}.xlsx`);
        await writeScorecardFile(file, rows, seed, { merges: false });
        const figures = { rows };
        // In turns, so that a machine getting busier weighs on both builds alike.
        for (let i = 0; i < builds.length; i++) {
          log(`workbench: ${rows.toLocaleString('en-GB')} rows, ${builds[i].key}…`);
          // A browser of its own for each run: one that died (or was left busy) cannot take the next run with it.
          const browser = await launchChromium();
          try {
            figures[builds[i].key] = await measure(browser, servers[i].url, file);
          } catch (e) {
            figures[builds[i].key] = { error: e.message };
          } finally {
            await browser.close().catch(() => {});
          }
        }
        out.push(figures);
        fs.rmSync(file, { force: true });
      }
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
    return { sizes: out, goals: GOALS, keys: FIND_KEYS.length, baseline };
  } finally {
    if (!dir) fs.rmSync(work, { recursive: true, force: true });
  }
}

const secs = (v) => (v == null ? '–' : v < 1000 ? `${Math.round(v)} ms` : `${(v / 1000).toFixed(2)} s`);

function line(label, f, goalView) {
  if (!f) return null;
  if (f.error) return `  ${label}: ${f.error}`;
  const view = `${secs(f.firstViewMs)}${goalView ? ` (goal ${secs(goalView)}: ${f.firstViewMs <= goalView ? 'met' : 'missed'})` : ''}`;
  const find = `${secs(f.findMedianMs)} median, ${secs(f.findMaxMs)} slowest (goal ${GOALS.findKeyMs} ms: ${f.findMaxMs <= GOALS.findKeyMs ? 'met' : f.findMedianMs <= GOALS.findKeyMs ? 'median met' : 'missed'})`;
  const heap = f.heapMiB != null ? `; page heap ${Math.round(f.heapMiB)} MiB` : '';
  return `  ${label.padEnd(22)} first rated view ${view}; Find key ${find}${heap}`;
}

/** The lines `npm run bench` prints. */
function workbenchLines(report) {
  if (!report || report.error) return [`  ${report ? report.error : 'not measured'}`];
  const lines = [];
  for (const s of report.sizes) {
    const goal = GOALS.firstViewMs[s.rows];
    lines.push(line(`${s.rows.toLocaleString('en-GB')} rows, now`, s.now, goal));
    if (s.baseline) lines.push(line(`${s.rows.toLocaleString('en-GB')} rows, ${report.baseline}`, s.baseline, goal));
  }
  return lines.filter(Boolean);
}

module.exports = { workbenchTimings, workbenchLines, GOALS };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const sizes = (opt('--sizes') || '5000,20000').split(',').map(Number);
  workbenchTimings({ generator: path.join(ROOT, 'dist', 'generator', 'test', 'support', 'generateScorecard.js'), sizes, baseline: opt('--baseline') || null, pages: opt('--pages') || null })
    .then((r) => process.stdout.write(args.includes('--json') ? `${JSON.stringify(r)}\n` : `${workbenchLines(r).join('\n')}\n`))
    .catch((e) => {
      log(e.message);
      process.exit(1);
    });
}
