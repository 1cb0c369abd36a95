/**
 * Never lose work: status and DOT cells that hold a formula or someone's own entry are kept and reported,
 * rating the output again changes nothing, and a failure while writing leaves every file as it was.
 */
import * as fs from 'fs';
import type * as ExcelJS from 'exceljs';
import { runCli } from '../support/cli';
import * as reportFile from '../../src/cli/reportFile';
import type { Report } from '../../src/scorecard/types';
import { OWNED_SHEETS } from '../../src/workbook/grid';
import { differences, loadXlsx, sheetLayout, snapshotSheet } from '../support/workbooks';
import { buildScorecard, COL, rateWithCli, SHEET, tempDir } from './corpus';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('scorecard-never-lose-');
});
afterEach(() => {
  jest.restoreAllMocks();
  tmp.remove();
});

async function save(name: string, data: Buffer): Promise<string> {
  const file = tmp.file(name);
  fs.writeFileSync(file, data);
  return file;
}

describe('status and DOT cells that hold someone’s work are kept and reported', () => {
  const entries: [string, ExcelJS.CellValue][] = [
    ['G5', { formula: 'IF(K5>F5,"✘","✔")', result: '✘' } as ExcelJS.CellFormulaValue],
    ['H6', { formula: 'IF(K6>J6,"▲","▼")', result: '▲' } as ExcelJS.CellFormulaValue],
    ['G7', '✘ agreed by DMT 12/10/17'],
    ['H12', 'Improving slowly'],
    ['G13', 3],
  ];
  let out: ExcelJS.Worksheet;
  let report: Report;
  let stdout: string;

  beforeAll(async () => {
    const own = tempDir('scorecard-kept-');
    try {
      const input = own.file('kept.xlsx');
      fs.writeFileSync(input, await buildScorecard({ edit: (ws) => entries.forEach(([address, value]) => (ws.getCell(address).value = value)) }));
      const run = await rateWithCli(input, own.file('out.xlsx'), own.file('report.json'));
      expect(run.stderr).toBe('');
      report = run.report as Report;
      stdout = run.stdout;
      out = (await loadXlsx(own.file('out.xlsx'))).getWorksheet(SHEET) as ExcelJS.Worksheet;
    } finally {
      own.remove();
    }
  });

  it('leaves each of them exactly as it was, formula and cached result included', () => {
    for (const [address, value] of entries) expect([address, out.getCell(address).value]).toEqual([address, value]);
  });

  it('still writes the row’s explanation, and rewrites the cells beside them that hold a rating or nothing', () => {
    const explanation = out.getCell(5, COL.notes + 1).value;
    expect(String(explanation)).toMatch(/so off target/);
    expect(out.getCell('H5').value).toBe('▼');
    expect(out.getCell('G6').value).toBe('✔');
  });

  it('lists every kept cell in the report, marked kept, with sheet, cell and ref', () => {
    const kept = report.warnings.filter((w) => w.kept);
    expect(kept.map((w) => w.where.cell).sort()).toEqual(entries.map(([a]) => a).sort());
    for (const w of kept) expect(w.where).toMatchObject({ sheet: SHEET, ref: expect.stringMatching(/^\d\.[AB]\d$/) });
    expect(kept.find((w) => w.where.cell === 'G7')?.message).toBe(
      'status cell holds “✘ agreed by DMT 12/10/17”, which is not a status this tool writes and was left as it is (1.A3)',
    );
    expect(kept.find((w) => w.where.cell === 'G5')?.message).toBe('status cell holds a formula and was left as it is (1.A1)');
  });

  it('names them on the command line too', () => {
    expect(stdout).toContain('Left as they were: 5 cells');
    for (const [address] of entries) expect(stdout).toContain(`sheet "${SHEET}" cell ${address}:`);
  });
});

describe('rating twice gives the same workbook', () => {
  it('rating the output again leaves every cell of every sheet as it was, owned sheets included', async () => {
    const input = await save(
      'twice.xlsx',
      await buildScorecard({
        edit: (ws) => {
          // Rows the rules cannot rate keep the status they hold: the second run must keep its own.
          ws.getCell(13, COL.target).value = 'In line with the national average';
          ws.getCell(12, COL.q2).value = 'see note';
          ws.getCell('G7').value = { formula: '"✘"', result: '✘' };
        },
      }),
    );
    const first = await rateWithCli(input, tmp.file('first.xlsx'), tmp.file('first.json'));
    const second = await rateWithCli(tmp.file('first.xlsx'), tmp.file('second.xlsx'), tmp.file('second.json'));
    expect([first.code, second.code]).toEqual([0, 0]);
    expect(second.report?.rows).toEqual(first.report?.rows);
    expect(second.report?.summary).toEqual(first.report?.summary);
    expect(second.report?.redFlags).toEqual(first.report?.redFlags);
    const withoutFile = (r: Report | undefined) => r?.warnings.map((w) => ({ ...w, where: { ...w.where, file: undefined } }));
    expect(withoutFile(second.report)).toEqual(withoutFile(first.report));

    const a = await loadXlsx(tmp.file('first.xlsx'));
    const b = await loadXlsx(tmp.file('second.xlsx'));
    expect(b.worksheets.map((w) => w.name)).toEqual(a.worksheets.map((w) => w.name));
    for (const ws of a.worksheets) {
      const again = b.getWorksheet(ws.name) as ExcelJS.Worksheet;
      expect([ws.name, differences(snapshotSheet(ws), snapshotSheet(again))]).toEqual([ws.name, []]);
      expect(sheetLayout(again)).toEqual(sheetLayout(ws));
    }
    expect(a.worksheets.map((w) => w.name)).toEqual(['Key', SHEET, OWNED_SHEETS.summary, OWNED_SHEETS.redFlags, OWNED_SHEETS.rules]);
  });
});

/**
 * The disk fills up once the first half of the workbook is in the file: the write fails part-way, as a
 * real ENOSPC would, and leaves a truncated archive behind it.
 */
function failWorkbookWrite(): void {
  const realOpen = fs.promises.open.bind(fs.promises);
  jest.spyOn(fs.promises, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await realOpen(file, flags, mode);
    // The workbook is written a piece at a time into its side file: the third piece finds the disk full.
    if (!String(file).includes('.out.xlsx.') || flags !== 'w') return handle;
    let writes = 0;
    const realWrite = handle.write.bind(handle) as (...a: unknown[]) => Promise<unknown>;
    (handle as unknown as { write: (...a: unknown[]) => Promise<unknown> }).write = async (...args: unknown[]) => {
      if (++writes === 3) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      return realWrite(...args);
    };
    return handle;
  });
}

describe('a failure while writing leaves no partial output and no report', () => {
  const run = runCli;

  it('the workbook fails half written: nothing is left beside the input', async () => {
    const input = await save('in.xlsx', await buildScorecard());
    failWorkbookWrite();
    const r = await run('rate', input, '-o', tmp.file('out.xlsx'), '--report', tmp.file('report.json'));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`scorecard: ${input}: cannot write ${tmp.file('out.xlsx')}: the disk is full\n`);
    expect(fs.readdirSync(tmp.dir)).toEqual(['in.xlsx']);
  });

  it('the report fails half written: neither it nor the workbook is left', async () => {
    const input = await save('in.xlsx', await buildScorecard());
    jest.spyOn(reportFile, 'writeReportFile').mockImplementation(async (file) => {
      fs.writeFileSync(file, '{\n  "rows": [\n');
      throw Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' });
    });
    const r = await run('rate', input, '-o', tmp.file('out.xlsx'), '--report', tmp.file('report.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*report\.json: EIO/);
    expect(fs.readdirSync(tmp.dir)).toEqual(['in.xlsx']);
  });

  it('rating in place (-o the input) when the last rename fails: the input is back, byte for byte', async () => {
    const data = await buildScorecard();
    const input = await save('in.xlsx', data);
    const oldReport = await save('report.json', Buffer.from('{"from":"last quarter"}'));
    // The module object itself, not this file's import of it: the command line calls renameSync through it.
    const nodeFs = jest.requireActual<typeof fs>('fs');
    const realRename = nodeFs.renameSync;
    let renames = 0;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      // The workbook goes into place first; the report's rename is the one that fails.
      if (++renames === 2) throw Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' });
      return realRename(from, to);
    });
    const r = await run('rate', input, '-o', input, '--report', oldReport);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write .*report\.json/);
    expect(fs.readFileSync(input).equals(data)).toBe(true);
    expect(fs.readFileSync(oldReport, 'utf8')).toBe('{"from":"last quarter"}');
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['in.xlsx', 'report.json']);
  });

  it('an output folder that cannot be written to: nothing is written anywhere', async () => {
    const input = await save('in.xlsx', await buildScorecard());
    const blocked = tmp.file('blocked');
    fs.writeFileSync(blocked, 'a file where a folder should be');
    const r = await run('rate', input, '-o', `${blocked}/out.xlsx`, '--report', tmp.file('report.json'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^scorecard: [^\n]*cannot write [^\n]*blocked\/out\.xlsx[^\n]*\n$/);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(['blocked', 'in.xlsx']);
  });

  it('a successful run in place keeps the file’s permissions', async () => {
    const input = await save('in.xlsx', await buildScorecard());
    fs.chmodSync(input, 0o640);
    const r = await run('rate', input, '-o', input);
    expect(r.code).toBe(0);
    expect(fs.statSync(input).mode & 0o777).toBe(0o640);
    expect(fs.readdirSync(tmp.dir)).toEqual(['in.xlsx']);
  });
});
