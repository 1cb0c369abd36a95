import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { RULE_KEYS, RULES } from '../../src/engine/ruleTable';
import { DOT_KEYS, STATUS_KEYS } from '../../src/engine/types';
import { runCli } from '../support/cli';
import type { CliRun } from '../support/cli';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { markWorksheet } from '../../src/exceljs/ownedMarks';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { Report } from '../../src/scorecard/types';
import { cellAddress, OWNED_SHEETS } from '../../src/workbook/grid';
import { fixturePath, normaliseRef, readFixtureJson } from '../support/fixtures';
import { differences, loadXlsx, snapshotSheet, toBuffer } from '../support/workbooks';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURE = fixturePath('council-plan-2017-18-q2.xlsx');


const run = runCli;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-cli-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function inDir(name: string): string {
  return path.join(dir, name);
}

async function saveWorkbook(name: string, build: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await build(wb);
  const file = inDir(name);
  fs.writeFileSync(file, await toBuffer(wb));
  return file;
}

/** The fixture loaded in ExcelJS and changed by `edit`, saved into the test folder. */
async function editedFixture(name: string, edit: (wb: ExcelJS.Workbook) => void | Promise<void>): Promise<string> {
  const wb = await loadXlsx(FIXTURE);
  await edit(wb);
  const file = inDir(name);
  fs.writeFileSync(file, await toBuffer(wb));
  return file;
}

/** A refused run: non-zero exit, one line on stderr naming what it must, nothing on stdout, no file written. */
async function expectRefused(argv: string[], ...mentions: (string | RegExp)[]): Promise<CliRun> {
  const before = fs.readdirSync(dir).sort();
  const result = await run(...argv);
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(/^scorecard: [^\n]+\n$/);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  for (const m of mentions) expect(result.stderr).toMatch(typeof m === 'string' ? new RegExp(escape(m)) : m);
  expect(fs.readdirSync(dir).sort()).toEqual(before);
  return result;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('scorecard --help and rules', () => {
  it('prints the usage', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('scorecard rate <in.xlsx> -o <out.xlsx>');
    expect(r.stdout).toContain('--rule <key=value>');
    expect(r.stdout).toContain('scorecard rate <in.xlsx | folder> ... --out-dir <folder> [--reports]');
    expect(r.stderr).toBe('');
    expect((await run('rate', '--help')).stdout).toBe(r.stdout);
  });

  it('lists every rule with its default and help, and the symbols', async () => {
    const r = await run('rules');
    expect(r.code).toBe(0);
    for (const k of RULE_KEYS) {
      expect(r.stdout).toContain(`${k} = `);
      expect(r.stdout).toContain(RULES[k].description);
    }
    expect(r.stdout).toContain('tolerance = 2.5%');
    expect(r.stdout).toContain('tolerancePoints = 2.5\n');
    for (const k of [...STATUS_KEYS, ...DOT_KEYS]) expect(r.stdout).toContain(k);
  });
});

describe('scorecard rate refuses bad input with one line and writes nothing', () => {
  it('a missing file', async () => {
    const missing = inDir('missing.xlsx');
    await expectRefused(['rate', missing, '-o', inDir('out.xlsx'), '--report', inDir('r.json')], missing, 'file not found');
  });

  it('a file that is not an xlsx', async () => {
    const file = inDir('scorecard.xlsx');
    fs.writeFileSync(file, 'Ref,Measure,Target\n1.A1,Children in need,336.9\n');
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('r.json')], file, 'a text (CSV) file, not a workbook');
  });

  it('a truncated workbook', async () => {
    const file = inDir('truncated.xlsx');
    const whole = fs.readFileSync(FIXTURE);
    fs.writeFileSync(file, whole.subarray(0, Math.floor(whole.length * 0.6)));
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('r.json')], file, /damaged, truncated/);
  });

  it('a protected scorecard sheet', async () => {
    const file = await saveWorkbook('locked.xlsx', async (wb) => {
      const ws = wb.addWorksheet('Scorecard');
      ws.getCell('A1').value = 'Ref No.';
      await ws.protect('', {});
    });
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], file, 'sheet "Scorecard"', 'protected');
  });

  it('a protected sheet asked for by name', async () => {
    const file = await editedFixture('locked-fixture.xlsx', async (wb) => {
      await wb.getWorksheet('Scorecard')?.protect('', {});
    });
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--sheet', 'Scorecard'], file, 'sheet "Scorecard"', 'protected');
  });

  it('a sheet that is not there', async () => {
    await expectRefused(['rate', FIXTURE, '-o', inDir('out.xlsx'), '--sheet', 'Q3'], FIXTURE, 'no sheet "Q3"', '"Scorecard"');
  });

  it('a bad value in the workbook rules sheet, naming the sheet and cell', async () => {
    const file = await editedFixture('bad-rules.xlsx', (wb) => {
      const rules = wb.addWorksheet(OWNED_SHEETS.rules);
      markWorksheet(wb, rules, 'rules');
      rules.addRow(['Key', 'Value']);
      rules.addRow(['tolerance', 'a bit']);
    });
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], file, `'Scorecard rules'!B2`, 'needs a percentage');
  });

  it('an unknown option, a bad --rule and a missing -o, before reading anything', async () => {
    await expectRefused(['rate', FIXTURE, '-o', inDir('out.xlsx'), '--fast'], 'unknown option --fast');
    await expectRefused(['rate', FIXTURE, '-o', inDir('out.xlsx'), '--rule', 'tolerance=lots'], 'tolerance', 'needs a percentage');
    await expectRefused(['rate', FIXTURE, '-o', inDir('out.xlsx'), '--rule', 'speed=11'], 'unknown rule "speed"');
    await expectRefused(['rate', FIXTURE, '-o', inDir('out.xlsx'), '--rule', 'tolerance'], 'key=value');
    await expectRefused(['rate', FIXTURE], 'needs -o');
    await expectRefused(['rate', '-o', inDir('out.xlsx')], 'needs an input workbook');
    await expectRefused(['frobnicate'], 'unknown command "frobnicate"');
  });

  it('usage problems exit 2, input problems exit 1', async () => {
    expect((await run('rate', FIXTURE, '--nope')).code).toBe(2);
    expect((await run('rate', inDir('missing.xlsx'), '-o', inDir('o.xlsx'))).code).toBe(1);
  });
});

describe('scorecard rate on the Council Plan fixture', () => {
  let out: string;
  let reportFile: string;
  let result: CliRun;
  let report: Report;
  let keep: string;

  beforeAll(async () => {
    keep = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-cli-rated-'));
    out = path.join(keep, 'rated.xlsx');
    reportFile = path.join(keep, 'report.json');
    result = await run('rate', FIXTURE, '-o', out, '--report', reportFile, '--rule', 'stabilityBand=0.01');
    report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
  });
  afterAll(() => fs.rmSync(keep, { recursive: true, force: true }));

  it('succeeds and prints the counts, red flags and warnings', () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Rated 72 measures on sheet "Scorecard"/);
    expect(result.stdout).toMatch(/On target\s+\d+\s+\d+\.\d/);
    expect(result.stdout).toMatch(/Improved\s+\d+\s+\d+\.\d/);
    expect(result.stdout).toContain(`Red flags: ${report.redFlags.length}`);
    expect(result.stdout).toContain(`Warnings: ${report.warnings.length}`);
    expect(fs.readdirSync(keep).sort()).toEqual(['rated.xlsx', 'report.json']);
  });

  it('reports every measure with its 1-based sheet row, status, DOT and explanation', () => {
    const expected = readFixtureJson<{ rows: { ref: string; sheetRow: number }[] }>('council-plan-2017-18-q2.expected.json');
    expect(report.rows).toHaveLength(expected.rows.length);
    const rowByRef = new Map(expected.rows.map((r) => [normaliseRef(r.ref), r.sheetRow]));
    for (const r of report.rows) {
      expect(r.sheet).toBe('Scorecard');
      expect(rowByRef.get(normaliseRef(r.ref))).toBe(r.row);
      expect(STATUS_KEYS).toContain(r.status);
      expect(DOT_KEYS).toContain(r.dot);
      expect(r.explanation.length).toBeGreaterThan(10);
    }
    expect(report.summary.total).toBe(72);
    expect(Array.isArray(report.redFlags)).toBe(true);
  });

  it('changes the workbook only in the owned cells and owned sheets', async () => {
    const { grids } = await readWorkbook(fs.readFileSync(FIXTURE));
    const rating = rateWorkbook(grids, { rules: { stabilityBand: 0.01 } });
    const owned = new Map(rating.sheets.map((s) => [s.sheet, new Set(s.writes.map((w) => cellAddress(w.row, w.col)))]));
    const before = await loadXlsx(await toBuffer(await loadXlsx(FIXTURE)));
    const after = await loadXlsx(out);
    for (const ws of before.worksheets) {
      const rated = after.getWorksheet(ws.name);
      expect(rated).toBeDefined();
      expect(differences(snapshotSheet(ws), snapshotSheet(rated as ExcelJS.Worksheet), owned.get(ws.name))).toEqual([]);
    }
    const names = after.worksheets.map((w) => w.name);
    expect(names).toEqual([...before.worksheets.map((w) => w.name), OWNED_SHEETS.summary, OWNED_SHEETS.redFlags, OWNED_SHEETS.rules]);
  });

  it('saves the rules it used, command-line rules included, in the Scorecard rules sheet', async () => {
    const { grids } = await readWorkbook(fs.readFileSync(out));
    const rules = grids.find((g) => g.name === OWNED_SHEETS.rules);
    const row = rules?.values.find((r) => r?.[0] === 'stabilityBand');
    expect(row?.[1]).toBe(0.01);
  });

  it('finds --sheet whatever its case, as Excel does', async () => {
    const r = await run('rate', FIXTURE, '-o', path.join(keep, 'one-sheet.xlsx'), '--sheet', 'scorecard');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('on sheet "Scorecard"');
  });

  it('rates its own output to the same result', async () => {
    const again = path.join(keep, 'again.xlsx');
    const againReport = path.join(keep, 'again.json');
    const r = await run('rate', out, '-o', again, '--report', againReport);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const second = JSON.parse(fs.readFileSync(againReport, 'utf8')) as Report;
    expect(second.rows).toEqual(report.rows);
    expect(second.summary).toEqual(report.summary);
  });
});

describe('scorecard rate when the engine refuses or the output cannot be written', () => {
  it('a workbook with no scorecard', async () => {
    const file = await saveWorkbook('notes.xlsx', (wb) => {
      wb.addWorksheet('Notes').getCell('A1').value = 'Minutes of the performance clinic';
    });
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('r.json')], file);
  });

  it('a protected scorecard beside an unprotected sheet', async () => {
    const file = await editedFixture('locked-scorecard.xlsx', async (wb) => {
      await wb.getWorksheet('Scorecard')?.protect('', {});
    });
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('r.json')], file, /protected|no scorecard/i);
  });

  it('an output folder that does not exist', async () => {
    const out = path.join(dir, 'no-such-folder', 'out.xlsx');
    await expectRefused(['rate', FIXTURE, '-o', out, '--report', inDir('r.json')], 'cannot write', 'folder does not exist');
  });
});

describe('the installed command', () => {
  it('runs from bin/scorecard.js after building', () => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json'], { cwd: ROOT });
    const help = spawnSync(process.execPath, ['bin/scorecard.js', '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('Usage:');
    const bad = spawnSync(process.execPath, ['bin/scorecard.js', 'rate', path.join(dir, 'missing.xlsx'), '-o', path.join(dir, 'o.xlsx')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^scorecard: [^\n]+missing\.xlsx: file not found\n$/);
  }, 120000);
});
