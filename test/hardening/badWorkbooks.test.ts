/**
 * The corpus of bad and odd workbooks, each through the command line: a clear one-line refusal naming the
 * file (and sheet and cell where there is one) and nothing written, or a rating that is correct for the rows
 * that can be rated, never a crash, and an output equal to the input outside the owned cells.
 */
import * as fs from 'fs';
import * as ExcelJS from 'exceljs';
import { readWorkbook } from '../../src/exceljs/exceljsGrid';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import type { Report } from '../../src/scorecard/types';
import { cellAddress, OWNED_SHEETS } from '../../src/workbook/grid';
import { differences, loadXlsx, sheetLayout, snapshotSheet, toBuffer } from '../support/workbooks';
import { unzipBytes, zipStored } from '../support/zip';
import { BASE_STATUSES, baseBlocks, buildScorecard, COL, HEADER, rateWithCli, SHEET, tempDir } from './corpus';
import type { CliRun, MeasureRow } from './corpus';

let tmp: ReturnType<typeof tempDir>;
beforeEach(() => {
  tmp = tempDir('scorecard-hardening-');
});
afterEach(() => tmp.remove());

/** A refused run: exit 1, one line on stderr naming the file and what it must, nothing written at all. */
async function expectRefused(data: Buffer, ...mentions: (string | RegExp)[]): Promise<string> {
  const input = tmp.file('input.xlsx');
  fs.writeFileSync(input, data);
  const run = await rateWithCli(input, tmp.file('out.xlsx'), tmp.file('report.json'));
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^scorecard: [^\n]+\n$/);
  expect(run.stderr).not.toContain('unexpected error');
  expect(run.stderr).toContain(input);
  for (const m of mentions) expect(run.stderr).toMatch(typeof m === 'string' ? new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : m);
  expect(run.code).toBe(1);
  expect(fs.readdirSync(tmp.dir)).toEqual(['input.xlsx']);
  return run.stderr;
}

interface Rated {
  run: CliRun;
  report: Report;
  input: Buffer;
  output: Buffer;
  after: ExcelJS.Workbook;
  byRef: (ref: string) => Report['rows'][number];
}

/**
 * A rated run, with the checks every rated workbook must pass: exit 0, nothing on stderr, one plain sentence
 * per row, and the output equal to the input (as ExcelJS round-trips it) outside the cells the plan owns,
 * each of which is a status, DOT or explanation cell of a reported row or an explanation header.
 */
async function expectRated(data: Buffer): Promise<Rated> {
  const input = tmp.file('input.xlsx');
  const out = tmp.file('out.xlsx');
  fs.writeFileSync(input, data);
  const run = await rateWithCli(input, out, tmp.file('report.json'));
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const report = run.report as Report;
  for (const r of report.rows) {
    expect(r.explanation).not.toMatch(/\n|undefined|NaN|Infinity|\[object/);
    expect(r.explanation.length).toBeGreaterThan(10);
  }

  const { grids } = await readWorkbook(data);
  const plan = rateWorkbook(grids);
  const rows = new Set(report.rows.map((r) => `${r.sheet}!${r.row}`));
  for (const s of plan.sheets) {
    for (const w of s.writes) {
      if (w.kind !== 'explanation-header') expect(rows.has(`${s.sheet}!${w.row + 1}`)).toBe(true);
    }
  }
  const owned = new Map(plan.sheets.map((s) => [s.sheet, new Set(s.writes.map((w) => cellAddress(w.row, w.col)))]));
  const explanationColumns = new Map(plan.sheets.map((s) => [s.sheet, s.columns.explanation + 1]));
  const before = await loadXlsx(await toBuffer(await loadXlsx(data)));
  const output = fs.readFileSync(out);
  const after = await loadXlsx(output);
  for (const ws of before.worksheets) {
    const rated = after.getWorksheet(ws.name) as ExcelJS.Worksheet;
    expect(rated).toBeDefined();
    expect(differences(snapshotSheet(ws), snapshotSheet(rated), owned.get(ws.name))).toEqual([]);
    // The explanation column is the tool's own: made visible and wide enough; every other column is kept.
    const explanation = explanationColumns.get(ws.name);
    const layoutAfter = sheetLayout(rated);
    const layoutBefore = sheetLayout(ws);
    if (explanation !== undefined) {
      const own = (layoutAfter.columns as Record<number, { width?: number; hidden?: boolean }>)[explanation];
      expect(own?.hidden).toBeFalsy();
      expect(own?.width).toBeGreaterThanOrEqual(60);
      delete (layoutAfter.columns as Record<number, unknown>)[explanation];
      delete (layoutBefore.columns as Record<number, unknown>)[explanation];
    }
    // A rated row too low for its wrapped sentence is raised, never lowered; a height set by hand is kept.
    const rowsAfter = layoutAfter.rows as Record<string, { height?: number; hidden?: boolean; outline?: number }>;
    const rowsBefore = layoutBefore.rows as Record<string, { height?: number }>;
    for (const [n, row] of Object.entries(rowsAfter)) {
      if (rowsBefore[n] || !rows.has(`${ws.name}!${n}`)) continue;
      expect({ row: n, hidden: row.hidden, outline: row.outline, raised: (row.height ?? 0) > 15 }).toEqual({ row: n, hidden: false, outline: 0, raised: true });
      delete rowsAfter[n];
    }
    expect(layoutAfter).toEqual(layoutBefore);
  }
  const ownedNames = Object.values(OWNED_SHEETS).map((n) => n.toLowerCase());
  const userSheets = before.worksheets.map((w) => w.name).filter((n) => !ownedNames.includes(n.toLowerCase()));
  expect(after.worksheets.map((w) => w.name).slice(0, userSheets.length)).toEqual(userSheets);
  const byRef = (ref: string) => {
    const row = report.rows.find((r) => r.ref === ref);
    if (!row) throw new Error(`no row for ${ref} in ${report.rows.map((r) => r.ref).join(', ')}`);
    return row;
  };
  return { run, report, input: data, output, after, byRef };
}

function expectBaseStatuses(rated: Rated, except: string[] = []): void {
  for (const [ref, status] of Object.entries(BASE_STATUSES)) {
    if (!except.includes(ref)) expect([ref, rated.byRef(ref).status]).toEqual([ref, status]);
  }
}

/** The base blocks with one cell of one measure replaced (1-based column of the base layout). */
function withCell(ref: string, col: number, value: ExcelJS.CellValue): { section: string; rows: MeasureRow[] }[] {
  const blocks = baseBlocks();
  for (const b of blocks) for (const m of b.rows) if (m.cells[COL.ref - 1] === ref) m.cells[col - 1] = value;
  return blocks;
}

describe('the base scorecard', () => {
  it('rates as documented in the corpus', async () => {
    const rated = await expectRated(await buildScorecard());
    expect(rated.report.rows).toHaveLength(6);
    expectBaseStatuses(rated);
    expect(rated.report.redFlags.map((f) => f.ref)).toEqual(['1.A3']);
  });
});

describe('files that are not a readable workbook are refused, naming the file', () => {
  it('an empty file', async () => {
    await expectRefused(Buffer.alloc(0), 'empty');
  });

  it('a CSV saved with an .xlsx name', async () => {
    await expectRefused(Buffer.from('Ref,Measure,Target\n1.A1,Referrals,336.9\n'), 'a text (CSV) file, not a workbook');
  });

  it('a truncated workbook', async () => {
    const whole = await buildScorecard();
    await expectRefused(whole.subarray(0, Math.floor(whole.length * 0.7)), /damaged, truncated/);
  });

  it('a workbook with garbage over its middle', async () => {
    const data = Buffer.from(await buildScorecard());
    data.fill(0xa5, Math.floor(data.length * 0.3), Math.floor(data.length * 0.6));
    await expectRefused(data, /damaged|not a workbook|no worksheets/);
  });

  it('a zip archive that is not a workbook', async () => {
    await expectRefused(zipStored(new Map([['notes.txt', Buffer.from('minutes of the performance clinic')]])), /not a workbook|no worksheets|damaged/);
  });

  it('a workbook whose sheet XML is broken', async () => {
    const files = unzipBytes(await buildScorecard());
    files.set('xl/worksheets/sheet2.xml', Buffer.from('<?xml version="1.0"?><worksheet><sheetData><row r="1"><c r="A1" t="s"><v>'));
    await expectRefused(zipStored(files), /damaged|cannot read/);
  });

  /** An OLE compound file whose directory names these streams (UTF-16LE, as the format stores them). */
  function oleFile(...streams: string[]): Buffer {
    const ole = Buffer.alloc(2048);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    streams.forEach((name, i) => Buffer.from(name, 'utf16le').copy(ole, 1024 + 128 * i));
    return ole;
  }

  it('an encrypted (password-to-open) workbook', async () => {
    await expectRefused(oleFile('Root Entry', 'EncryptionInfo', 'EncryptedPackage'), 'protected with a password to open: remove the password');
  });

  it('an old .xls file', async () => {
    await expectRefused(oleFile('Root Entry', 'Workbook', 'SummaryInformation'), 'an Excel 97-2003 workbook (.xls): save it as .xlsx');
  });

  it('an OLE file that is neither recognisably: both are named', async () => {
    await expectRefused(oleFile('Root Entry'), /\.xls\) or a workbook protected with a password to open/);
  });
});

describe('workbooks that hold no ratable scorecard are refused, naming the sheet and cell', () => {
  it('a password-protected scorecard sheet', async () => {
    const data = await buildScorecard({ edit: (ws) => ws.protect('s3cret', { selectLockedCells: true }) });
    await expectRefused(data, `sheet "${SHEET}"`, 'protected');
  });

  it('no header row', async () => {
    const data = await buildScorecard({ header: HEADER.map(() => '') });
    await expectRefused(data, 'no scorecard found');
  });

  it('a header with no Target column', async () => {
    const header = HEADER.map((h) => (h === 'Target' ? 'Baseline' : h));
    const stderr = await expectRefused(await buildScorecard({ header }), `sheet "${SHEET}"`, 'no Target column');
    expect(stderr).toMatch(/cell A4/);
  });
});

describe('odd workbooks are rated, changing nothing outside the owned cells', () => {
  it('two header candidates: a lookup table with header words above the scorecard', async () => {
    const rated = await expectRated(
      await buildScorecard({
        edit: (ws) => {
          ws.spliceRows(2, 0, ['Ref', 'Measure', 'Target', 'Status'], ['X1', 'Used for the lookup below', null, 'Live'], []);
        },
      }),
    );
    expectBaseStatuses(rated);
    // The lookup table has no measure under it: nothing of it is touched, not even an explanation header.
    const ws = rated.after.getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(ws.getRow(2).values).toEqual([undefined, 'Ref', 'Measure', 'Target', 'Status']);
    expect(ws.getCell('D3').value).toBe('Live');
  });

  it('the same header twice, one under the other', async () => {
    const rated = await expectRated(await buildScorecard({ edit: (ws) => ws.spliceRows(5, 0, HEADER) }));
    expectBaseStatuses(rated);
  });

  it('headers in another order and wording', async () => {
    const wording: Record<string, string> = {
      Outcome: 'OUTCOMES',
      'Ref No.': 'PI Ref',
      Measure: 'Performance Indicator',
      'Good performance': 'Good Perf Is',
      'Frequency of reporting': 'Freq.',
      Target: 'Annual target',
      'Overall status': 'Status',
      DOT: 'Direction of travel',
    };
    const order = [2, 0, 7, 5, 6, 1, 4, 3, 8, 9, 10, 11];
    const header = order.map((i) => wording[HEADER[i]] ?? HEADER[i]);
    const blocks = baseBlocks().map((b) => ({ ...b, rows: b.rows.map((m) => ({ ...m, cells: order.map((i) => m.cells[i]) })) }));
    const percentCols = [5, 8, 9, 10].map((i) => order.indexOf(i) + 1);
    const rated = await expectRated(
      await buildScorecard({
        header,
        blocks: blocks.map((b) => ({ ...b, rows: b.rows.map((m) => ({ cells: m.cells })) })),
        edit: (ws) => {
          for (const r of [5, 6, 7, 11, 12, 13]) {
            const percent = baseBlocks().flatMap((b) => b.rows)[[5, 6, 7, 11, 12, 13].indexOf(r)].percent;
            if (percent) for (const c of percentCols) ws.getCell(r, c).numFmt = '0.0%';
          }
        },
      }),
    );
    expectBaseStatuses(rated);
  });

  it('hidden and filtered rows are rated and stay hidden and filtered', async () => {
    const rated = await expectRated(
      await buildScorecard({
        edit: (ws) => {
          ws.getRow(6).hidden = true;
          ws.getRow(12).hidden = true;
          ws.autoFilter = 'A4:L7';
          ws.getColumn(COL.outcome).hidden = true;
        },
      }),
    );
    expectBaseStatuses(rated);
    const ws = rated.after.getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(ws.getRow(6).hidden).toBe(true);
    expect(ws.getRow(12).hidden).toBe(true);
  });

  it('error cells (#N/A, #DIV/0!) in a value and a target', async () => {
    let blocks = withCell('1.A1', COL.q2, { error: '#N/A' } as ExcelJS.CellErrorValue);
    blocks = blocks.map((b) => ({ ...b, rows: b.rows.map((m) => (m.cells[COL.ref - 1] === '2.B2' ? { ...m, cells: m.cells.map((v, i) => (i === COL.target - 1 ? ({ error: '#DIV/0!' } as ExcelJS.CellErrorValue) : v)) } : m)) }));
    const rated = await expectRated(await buildScorecard({ blocks }));
    expectBaseStatuses(rated, ['1.A1', '2.B2']);
    // #N/A reads as "not available": the earlier value of the year stands in, and the explanation says why.
    expect(rated.byRef('1.A1').explanation).toMatch(/^Q1 Apr - Jun 2017 \(the latest in; Q2 Jul - Sep 2017 is “#N\/A”\): 340 against/);
    expect(rated.byRef('2.B2').explanation).toContain('the target “#DIV/0!” has no figure to compare with');
    expect(rated.byRef('2.B2').needsReview).toBeTruthy();
  });

  it('a date and a boolean where numbers are expected', async () => {
    let blocks = withCell('1.A1', COL.q2, new Date(Date.UTC(2017, 8, 30)));
    blocks = blocks.map((b) => ({ ...b, rows: b.rows.map((m) => (m.cells[COL.ref - 1] === '2.B2' ? { ...m, cells: m.cells.map((v, i) => (i === COL.q2 - 1 ? true : v)) } : m)) }));
    const rated = await expectRated(await buildScorecard({ blocks }));
    expectBaseStatuses(rated, ['1.A1', '2.B2']);
    for (const ref of ['1.A1', '2.B2']) {
      expect(rated.byRef(ref).status).not.toBe('on-target');
      expect(rated.byRef(ref).needsReview).toBeTruthy();
    }
  });

  it('formulas in value and target cells are rated on their results', async () => {
    const data = await buildScorecard({
      edit: (ws) => {
        ws.getCell(5, COL.q2).value = { formula: 'J5+5.8', result: 345.8 };
        ws.getCell(5, COL.target).value = { formula: '300+36.9', result: 336.9 };
        ws.getCell(12, COL.q2).value = { formula: 'SUM(I12:J12)/2-1.4', result: 10.1 };
      },
    });
    const rated = await expectRated(data);
    expectBaseStatuses(rated);
    const ws = rated.after.getWorksheet(SHEET) as ExcelJS.Worksheet;
    expect(ws.getCell(5, COL.q2).formula).toBe('J5+5.8');
  });

  it('a formula with no cached result is a blank value, not a crash', async () => {
    const data = await buildScorecard({ edit: (ws) => (ws.getCell(5, COL.q2).value = { formula: 'J5*1.01', date1904: false } as ExcelJS.CellFormulaValue) });
    const rated = await expectRated(data);
    expectBaseStatuses(rated, ['1.A1']);
  });

  it('merged cells across blocks, over status cells and over a status and DOT pair', async () => {
    const data = await buildScorecard({
      edit: (ws) => {
        ws.mergeCells(5, COL.outcome, 12, COL.outcome);
        ws.mergeCells(5, COL.status, 6, COL.status);
        ws.mergeCells(7, COL.status, 7, COL.dot);
      },
    });
    const rated = await expectRated(data);
    expect(rated.report.rows.map((r) => r.ref).sort()).toEqual(Object.keys(BASE_STATUSES).sort());
    expect(rated.byRef('1.A1').status).toBe('off-target');
    const cells = rated.report.warnings.map((w) => w.where.cell);
    expect(cells).toEqual(expect.arrayContaining(['G6', 'H7']));
    expect(rated.run.stdout).toMatch(/Left as they were: 2 cells/);
    expect(rated.run.stdout).toContain('sheet "Scorecard" cell G6: cell G6 is part of a merged area');
  });

  it('10,000-character notes, measure names and values', async () => {
    const long = 'Performance remains below target; an improvement plan is in place. '.repeat(150).slice(0, 10000);
    const data = await buildScorecard({
      edit: (ws) => {
        ws.getCell(5, COL.notes).value = long;
        ws.getCell(6, COL.measure).value = long;
        ws.getCell(12, COL.q2).value = long;
      },
    });
    const rated = await expectRated(data);
    expectBaseStatuses(rated, ['2.B2']);
    // One readable sentence: a long cell is quoted in part, never whole.
    for (const r of rated.report.rows) expect(r.explanation.length).toBeLessThan(600);
  });

  it('right-to-left and emoji text', async () => {
    const data = await buildScorecard({
      edit: (ws) => {
        ws.getCell(5, COL.measure).value = 'نسبة الأطفال الذين تمت إحالتهم لكل 10,000';
        ws.getCell(6, COL.measure).value = 'אחוז ההפניות החוזרות 🚸👶🏽';
        ws.getCell(7, COL.ref).value = '1.A3 🚩';
        ws.getCell(9, 1).value = 'Priority 2 – كل بالغ آمن 👩‍👩‍👧';
        ws.getCell(11, COL.notes).value = '‏مؤشر جديد‎ 🙂';
      },
    });
    const rated = await expectRated(data);
    expect(rated.byRef('1.A3 🚩').status).toBe('off-target');
    expect(rated.report.redFlags.map((f) => f.ref)).toEqual(['1.A3 🚩']);
    expect(rated.report.redFlags[0].measure).toBe('Children in need seen within 10 days');
    expect(rated.report.summary.byPriority.map((p) => p.priority)).toContain('Priority 2 – كل بالغ آمن 👩‍👩‍👧');
    const flags = rated.after.getWorksheet(OWNED_SHEETS.redFlags) as ExcelJS.Worksheet;
    expect(flags.getCell('A2').text).toBe('1.A3 🚩');
  });

  it('duplicated refs: both rows are rated and the duplicate is reported', async () => {
    const data = await buildScorecard({ edit: (ws) => (ws.getCell(12, COL.ref).value = '2.B1') });
    const rated = await expectRated(data);
    const rows = rated.report.rows.filter((r) => r.ref === '2.B1');
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [11, 'under-development'],
      [12, 'satisfactory'],
    ]);
    expect(rated.report.warnings.some((w) => /2\.B1/.test(w.message) && /rows? 11 and 12|twice|more than once/.test(w.message))).toBe(true);
  });

  it('a sheet name with quotes, spaces and emoji', async () => {
    const data = await buildScorecard({ edit: (ws) => (ws.name = "Bob's Q2 'final' 📊") });
    const rated = await expectRated(data);
    expectBaseStatuses(rated);
    expect(rated.report.rows[0].sheet).toBe("Bob's Q2 'final' 📊");
  });

  it('a measure on row 1,048,576, the last row Excel has', async () => {
    const data = await buildScorecard({
      edit: (ws) => {
        const last = ws.getRow(1048576);
        last.values = ['Adults are independent', '2.B4', 'Carers assessed in the year', 'High', 'Quarterly', 50, null, null, 40, 45, 55, 'On the last row'];
      },
    });
    const t0 = Date.now();
    const rated = await expectRated(data);
    expect(Date.now() - t0).toBeLessThan(15000);
    expect(rated.byRef('2.B4')).toMatchObject({ row: 1048576, status: 'on-target' });
    expectBaseStatuses(rated);
  });
});
