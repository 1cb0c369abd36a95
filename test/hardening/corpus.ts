/**
 * Bad and odd workbooks for the hardening tests, built with ExcelJS at test time (nothing binary is
 * committed). Each starts from one small, valid scorecard so that a case differs from it in one way only,
 * and the expected ratings of the untouched rows stay known.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { main } from '../../src/cli/cli';
import type { Report } from '../../src/scorecard/types';
import { toBuffer } from '../support/workbooks';

export const SHEET = 'Scorecard';

export const HEADER = [
  'Outcome',
  'Ref No.',
  'Measure',
  'Good performance',
  'Frequency of reporting',
  'Target',
  'Overall status',
  'DOT',
  'Year end 2016/17',
  'Q1 Apr - Jun 2017',
  'Q2 Jul - Sep 2017',
  'Data notes',
];
/** 1-based columns of the base layout, as ExcelJS counts them. */
export const COL = { outcome: 1, ref: 2, measure: 3, polarity: 4, frequency: 5, target: 6, status: 7, dot: 8, yearEnd: 9, q1: 10, q2: 11, notes: 12 };

export type Cell = ExcelJS.CellValue;

/** One measure row of the base scorecard: values in header order, with the percent columns marked. */
export interface MeasureRow {
  cells: Cell[];
  percent?: boolean;
}

const measure = (outcome: string | null, ref: string, name: string, polarity: string, target: Cell, values: Cell[], percent = false): MeasureRow => ({
  cells: [outcome, ref, name, polarity, 'Quarterly', target, null, null, ...values, ''],
  percent,
});

/**
 * The base scorecard, 1-based rows: 1 title, 3 section, 4 header, 5-7 measures, 9 section, 10 header,
 * 11-13 measures. Ratings: 1.A1 off target (345.8 vs 336.9, lower is better), 1.A2 on target,
 * 1.A3 off target twice (red flag), 2.B1 under development (TBC), 2.B2 satisfactory, 2.B3 not applicable.
 */
export function baseBlocks(): { section: string; rows: MeasureRow[] }[] {
  return [
    {
      section: 'Corporate Priority 1 – Every child making the best start in life',
      rows: [
        measure('Children are safe', '1.A1', 'Rate of referrals per 10,000', 'Low', 336.9, [330, 340, 345.8]),
        measure(null, '1.A2', 'Percentage of re-referrals within 12 months', 'High', 0.53, [0.5, 0.52, 0.55], true),
        measure(null, '1.A3', 'Children in need seen within 10 days', 'High', 0.9, [0.8, 0.7, 0.75], true),
      ],
    },
    {
      section: 'Corporate Priority 2 – Every adult secure, responsible and empowered',
      rows: [
        measure('Adults are independent', '2.B1', 'People who use services who have control', 'High', 'TBC', [70, 75, 80]),
        measure(null, '2.B2', 'Average days to process new claims', 'Low', 10, [12, 11, 10.1]),
        measure(null, '2.B3', 'Households prevented from becoming homeless', 'High', 'Baseline Year', [100, 120, 140]),
      ],
    },
  ];
}

export const BASE_STATUSES: Record<string, string> = {
  '1.A1': 'off-target',
  '1.A2': 'on-target',
  '1.A3': 'off-target',
  '2.B1': 'under-development',
  '2.B2': 'satisfactory',
  '2.B3': 'not-applicable',
};

export interface BuildOptions {
  header?: string[];
  blocks?: { section: string; rows: MeasureRow[] }[];
  /** Changes made after the base is written: any cell, merge, protection, extra sheet. */
  edit?: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => unknown;
}

/** Writes the base scorecard (or its variant) into a workbook with a Key sheet first, as councils do. */
export async function buildWorkbook(options: BuildOptions = {}): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  const key = wb.addWorksheet('Key');
  key.addRow(['Key', 'Overall status']);
  key.addRow(['✔', 'Measure progressing above or in line with target set']);
  key.addRow(['✘', 'Measure has not progressed in accordance with target set']);
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'Council Plan 2017/18 – Quarter 2 Performance Scorecard';
  ws.getCell('A1').font = { bold: true, size: 14 };
  let r = 3;
  for (const block of options.blocks ?? baseBlocks()) {
    ws.getCell(r++, 1).value = block.section;
    const header = ws.getRow(r++);
    header.values = options.header ?? HEADER;
    header.font = { bold: true };
    for (const m of block.rows) {
      const row = ws.getRow(r++);
      m.cells.forEach((v, c) => {
        if (v !== null && v !== undefined) row.getCell(c + 1).value = v;
      });
      if (m.percent) for (const c of [COL.target, COL.yearEnd, COL.q1, COL.q2]) row.getCell(c).numFmt = '0.0%';
    }
    r++;
  }
  ws.getColumn(COL.measure).width = 40;
  await options.edit?.(ws, wb);
  return wb;
}

export async function buildScorecard(options: BuildOptions = {}): Promise<Buffer> {
  return toBuffer(await buildWorkbook(options));
}

/** A folder per test, removed afterwards. */
export function tempDir(prefix: string): { dir: string; file: (name: string) => string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, file: (name) => path.join(dir, name), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
  report?: Report;
}

/** Runs `scorecard rate in -o out --report report.json` in-process; reads the report when there is one. */
export async function rateWithCli(input: string, output: string, report: string, ...more: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(['rate', input, '-o', output, '--report', report, ...more], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  const run: CliRun = { code, stdout, stderr };
  if (fs.existsSync(report)) run.report = JSON.parse(fs.readFileSync(report, 'utf8')) as Report;
  return run;
}
