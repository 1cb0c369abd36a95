/**
 * The production build, as served: every page carries a Content-Security-Policy without eval, loads
 * scripts only from itself (and office.js from Microsoft's CDN on the Office pages), our bundles contain
 * no eval of any kind, and the task pane's JavaScript stays under its 610 KiB goal without ExcelJS.
 */
import * as fs from 'fs';
import * as path from 'path';
import { measureBuild, pageScripts } from '../../scripts/bench/bundleSize';
import { builtPages } from './support/pages';

const OFFICE_CDN = 'https://appsforoffice.microsoft.com';
const PAGES = ['taskpane.html', 'commands.html', 'message.html', 'help.html', 'workbench.html'];
let dir: string;

beforeAll(async () => {
  dir = await builtPages();
}, 300_000);

/** The policy of a built page's meta tag, as directive → sources. */
function policy(page: string): Map<string, string[]> {
  const html = fs.readFileSync(path.join(dir, page), 'utf8');
  const meta = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html);
  if (!meta) throw new Error(`${page} has no Content-Security-Policy meta`);
  return new Map(
    meta[1]
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

test.each(PAGES)('%s has a policy that allows no eval, no inline script and no plugins', (page) => {
  const p = policy(page);
  const scripts = p.get('script-src') ?? p.get('default-src') ?? [];
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(p.get('object-src')).toEqual(["'none'"]);
  expect(p.get('base-uri')).toEqual(["'none'"]);
});

test('only the Office pages may load from elsewhere, and only from the Office CDN', () => {
  for (const page of ['taskpane.html', 'commands.html']) {
    expect(policy(page).get('script-src')).toEqual(["'self'", OFFICE_CDN]);
    expect(pageScripts(dir, page).every((src) => !/^https?:/.test(src))).toBe(true);
    const html = fs.readFileSync(path.join(dir, page), 'utf8');
    const external = [...html.matchAll(/\bsrc="?(https?:[^"\s>]+)/g)].map((m) => m[1]);
    expect(external).toEqual([`${OFFICE_CDN}/lib/1/hosted/office.js`]);
  }
  const workbench = policy('workbench.html');
  expect(workbench.get('default-src')).toEqual(["'none'"]);
  expect(workbench.get('script-src')).toEqual(["'self'"]);
  expect(workbench.get('connect-src')).toEqual(["'none'"]);
  expect(fs.readFileSync(path.join(dir, 'workbench.html'), 'utf8')).not.toMatch(/https?:\/\//);
});

test('our bundles hold no eval, no Function constructor and no eval-based source maps', () => {
  const bundles = fs.readdirSync(dir).filter((f) => f.endsWith('.js'));
  expect(bundles).toEqual(expect.arrayContaining(['taskpane.js', 'commands.js', 'message.js', 'workbench.js']));
  for (const f of bundles) {
    const code = fs.readFileSync(path.join(dir, f), 'utf8');
    expect({ f, eval: /\beval\s*\(/.test(code), fn: /\bnew Function\b|\bFunction\s*\(\s*["'`]/.test(code), evalDevtool: code.includes('//# sourceURL=webpack') }).toEqual({ f, eval: false, fn: false, evalDevtool: false });
  }
});

test('the task pane stays under 610 KiB of JavaScript and carries no ExcelJS', () => {
  const sizes = measureBuild(dir);
  expect(sizes.taskpaneWithinGoal).toBe(true);
  expect(sizes.taskpaneJsBytes).toBeLessThan(610 * 1024);
  for (const src of pageScripts(dir, 'taskpane.html')) expect(fs.readFileSync(path.join(dir, src), 'utf8')).not.toContain('ExcelJS');
});

test('the workbench loads only its own bundle, which carries no ExcelJS', () => {
  expect(pageScripts(dir, 'workbench.html')).toEqual(['workbench.js']);
  expect(fs.readFileSync(path.join(dir, 'workbench.js'), 'utf8')).not.toContain('ExcelJS');
});
