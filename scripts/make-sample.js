#!/usr/bin/env node
/*
 * Builds assets/sample-scorecard.xlsx, the demo workbook, from the real published Council Plan 2017/18 Q2
 * scorecard in test/fixtures (Rotherham MBC, public data).
 *
 *   node scripts/make-sample.js [out.xlsx]
 *
 * Figures, targets, polarity and frequency come from the fixture's expected.json (the transcription of the
 * published table); the texts the JSON does not hold (title, priority titles, outcome, lead, action, lead
 * officer, data notes) and the merges come from the fixture workbook. The sample keeps every measure on the
 * same sheet row as the fixture, so the fixture's expected statuses (sheetRow) check the sample too.
 *
 * The demo reads the committed xlsx; only this build script reads the fixture.
 */
'use strict';

const fs = require('fs');
const path = require('path');
const ExcelJS = require('exceljs');

const FIXTURES = process.env.SCORECARD_FIXTURES || path.resolve(__dirname, '../test/fixtures');
const FIXTURE_XLSX = path.join(FIXTURES, 'council-plan-2017-18-q2.xlsx');
const FIXTURE_JSON = path.join(FIXTURES, 'council-plan-2017-18-q2.expected.json');
const DEFAULT_OUT = path.resolve(__dirname, '../assets/sample-scorecard.xlsx');

const SHEET = 'Scorecard';
// Column letters of the Council Plan layout (see shared/fixtures/README.md).
const COL = { outcome: 1, lead: 2, ref: 3, action: 4, measure: 5, officer: 6, polarity: 7, frequency: 8, target: 9, status: 10, dot: 11, firstPeriod: 12, notes: 22 };
const GROUPS = [
  { title: 'Annual', from: 12, to: 13 },
  { title: 'Quarterly', from: 14, to: 18 },
  { title: 'Monthly', from: 19, to: 21 },
];
// Columns whose merges (carried-down cells) are copied from the fixture's measure rows.
const MERGED_COLUMNS = new Set([COL.outcome, COL.lead, COL.action, COL.officer, COL.polarity, COL.frequency]);

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
const SECTION_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
const THIN = { style: 'thin', color: { argb: 'FFBFBFBF' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

// The council's own key, with one clean-up: the published key repeats ✘ for "under development", which
// would make the key ambiguous, so the sample gives it its own symbol.
const STATUS_KEY = [
  ['✓', 'Measure progressing above or in line with target set'],
  ['●', 'Measure progress has been satisfactory but is not fully reaching target set'],
  ['✘', 'Measure has not progressed in accordance with target set'],
  ['◐', 'Measure under development (e.g. awaiting data collection or target-setting)'],
  ['□', 'Measure not applicable for target (e.g. baseline year, or not appropriate to set a specific target)'],
  ['■', 'Measure information not yet available (e.g. due to infrequency or timing of information/data)'],
];
const DOT_KEY = [
  ['▲', 'Numbers have improved'],
  ['►', 'Numbers are stable'],
  ['▼', 'Numbers have got worse'],
  ['–', 'Direction of Travel is not applicable'],
];

/** The displayed text of a cell, whatever ExcelJS returns for it (rich text, hyperlinks, formulas). */
function textOf(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && !(value instanceof Date)) {
    if (Array.isArray(value.richText)) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return textOf(value.result);
  }
  return String(value);
}

/**
 * The number format that shows a number as it was published: "43.5%" → "0.0%", "2,750" → "#,##0",
 * "380.0" → "0.0", "320" → General.
 */
function formatFor(published) {
  const m = /^[<>]?£?-?[\d,]*(?:\.(\d+))?\s*(%?)/.exec(String(published).trim());
  const decimals = m && m[1] ? m[1].length : 0;
  const fraction = decimals ? '.' + '0'.repeat(decimals) : '';
  if (m && m[2]) return `0${fraction}%`;
  if (String(published).includes(',')) return `#,##0${fraction}`;
  return decimals ? `0${fraction}` : undefined;
}

/** Reads what the sample needs from the fixture workbook: texts by sheet row, merges, widths. */
async function readFixtureSheet() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FIXTURE_XLSX);
  const ws = wb.getWorksheet(SHEET);
  if (!ws) throw new Error(`${FIXTURE_XLSX}: no sheet "${SHEET}"`);
  const text = (row, col) => textOf(ws.getCell(row, col).value).trim();
  const sections = [];
  for (let r = 1; r <= ws.rowCount; r++) {
    if (/^Corporate Priority \d/.test(text(r, 1))) sections.push({ row: r, title: text(r, 1) });
  }
  return {
    title: text(1, 1),
    sections,
    headerTitles: Array.from({ length: COL.notes }, (_, i) => text(sections[0].row + 1, i + 1)),
    periodTitles: Array.from({ length: COL.notes - COL.firstPeriod }, (_, i) => text(sections[0].row + 2, COL.firstPeriod + i)),
    text,
    merges: ws.model.merges.map(parseRange),
    widths: ws.columns.map((c) => c.width),
  };
}

function parseRange(a1) {
  const [from, to] = a1.split(':').map((ref) => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    return { row: Number(m[2]), col };
  });
  return { top: from.row, left: from.col, bottom: to.row, right: to.col };
}

function styleRow(row, from, to, style) {
  for (let c = from; c <= to; c++) Object.assign(row.getCell(c), style);
}

/** Writes a number with the format it was published with, or text exactly as published. */
function setValue(cell, value, published) {
  if (value === null || value === undefined || value === '') return;
  cell.value = value;
  if (typeof value === 'number') {
    const fmt = formatFor(published);
    if (fmt) cell.numFmt = fmt;
  }
}

function buildScorecardSheet(wb, fixture, expected) {
  const ws = wb.addWorksheet(SHEET, {
    views: [{ state: 'frozen', xSplit: 3, ySplit: 0, topLeftCell: 'D1' }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 8 },
  });
  ws.columns = fixture.widths.map((width) => ({ width: width || 10 }));

  ws.getCell(1, 1).value = fixture.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };

  const byPriority = new Map();
  for (const m of expected.rows) {
    const p = m.ref.split('.')[0];
    if (!byPriority.has(p)) byPriority.set(p, []);
    byPriority.get(p).push(m);
  }
  if (byPriority.size !== fixture.sections.length) {
    throw new Error(`expected.json has ${byPriority.size} priorities, the fixture sheet ${fixture.sections.length}`);
  }

  let r = 3;
  const dataRows = [];
  [...byPriority.values()].forEach((measures, i) => {
    const section = ws.getRow(r);
    section.getCell(1).value = fixture.sections[i].title;
    styleRow(section, 1, COL.notes, { fill: SECTION_FILL, font: { bold: true, size: 12, color: { argb: 'FFFFFFFF' } } });
    writeHeader(ws, r + 1, fixture);
    r += 3;
    for (const m of measures) {
      // Same rows as the fixture, so expected.json's sheetRow holds for the sample as well.
      if (m.sheetRow !== r) throw new Error(`${m.ref}: would land on row ${r}, expected.json says ${m.sheetRow}`);
      writeMeasure(ws.getRow(r), m, fixture, expected.periods);
      dataRows.push(r);
      r++;
    }
    r++; // blank row between priorities
  });

  for (const g of fixture.merges) {
    if (g.left === g.right && MERGED_COLUMNS.has(g.left) && dataRows.includes(g.top)) ws.mergeCells(g.top, g.left, g.bottom, g.right);
  }
}

function writeHeader(ws, r, fixture) {
  const top = ws.getRow(r);
  const bottom = ws.getRow(r + 1);
  for (let c = 1; c <= COL.notes; c++) {
    if (c < COL.firstPeriod || c === COL.notes) {
      top.getCell(c).value = fixture.headerTitles[c - 1];
      ws.mergeCells(r, c, r + 1, c);
    } else {
      bottom.getCell(c).value = fixture.periodTitles[c - COL.firstPeriod];
    }
  }
  for (const g of GROUPS) {
    top.getCell(g.from).value = g.title;
    ws.mergeCells(r, g.from, r, g.to);
  }
  const style = { fill: HEADER_FILL, font: { bold: true }, border: BORDER, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  styleRow(top, 1, COL.notes, style);
  styleRow(bottom, 1, COL.notes, style);
}

function writeMeasure(row, m, fixture, periods) {
  const r = row.number;
  const fromSheet = (col) => fixture.text(r, col) || null;
  row.getCell(COL.outcome).value = fromSheet(COL.outcome);
  row.getCell(COL.lead).value = fromSheet(COL.lead);
  row.getCell(COL.ref).value = m.ref;
  row.getCell(COL.action).value = fromSheet(COL.action);
  row.getCell(COL.measure).value = m.measure || null;
  row.getCell(COL.officer).value = fromSheet(COL.officer);
  row.getCell(COL.polarity).value = m.goodPerformance;
  row.getCell(COL.frequency).value = m.frequency;
  setValue(row.getCell(COL.target), m.targetAsWritten, m.target);
  // Overall status and DOT stay empty: the add-in fills them.
  periods.forEach((p, i) => setValue(row.getCell(COL.firstPeriod + i), m.values[p], m.valuesAsPublished[p]));
  row.getCell(COL.notes).value = fromSheet(COL.notes);
  for (let c = 1; c <= COL.notes; c++) {
    const cell = row.getCell(c);
    cell.border = BORDER;
    cell.alignment = { vertical: 'top', wrapText: true, horizontal: c >= COL.status && c < COL.notes ? 'center' : undefined };
  }
}

function buildKeySheet(wb, expected) {
  const ws = wb.addWorksheet('Key');
  ws.columns = [{ width: 8 }, { width: 100 }];
  const bold = { bold: true };
  const put = (r, a, b, font) => {
    const row = ws.getRow(r);
    row.getCell(1).value = a;
    row.getCell(2).value = b;
    if (font) row.font = font;
    row.getCell(1).alignment = { horizontal: 'center' };
  };
  put(1, 'Key', 'Overall status (relevant to target)', bold);
  STATUS_KEY.forEach(([symbol, text], i) => put(2 + i, symbol, text));
  const dotTop = 3 + STATUS_KEY.length;
  put(dotTop, 'Key', 'Direction of travel (DOT)', bold);
  DOT_KEY.forEach(([symbol, text], i) => put(dotTop + 1 + i, symbol, text));
  const noteRow = dotTop + DOT_KEY.length + 2;
  ws.getCell(noteRow, 2).value = `Source: ${expected.source}. Rotherham Metropolitan Borough Council, Council Plan 2017/18 – Performance Report – Quarter 2 Performance Scorecard (Appendix B), public data.`;
  ws.getCell(noteRow + 1, 2).value = 'Overall status and DOT are left blank for the Scorecard add-in (or `scorecard rate`) to fill.';
  for (const r of [noteRow, noteRow + 1]) ws.getCell(r, 2).alignment = { wrapText: true };
}

async function buildSample() {
  const expected = JSON.parse(fs.readFileSync(FIXTURE_JSON, 'utf8'));
  const fixture = await readFixtureSheet();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Scorecard sample (from Rotherham MBC published data)';
  wb.title = fixture.title;
  // Fixed dates keep rebuilds from changing the document properties.
  wb.created = new Date(Date.UTC(2017, 10, 20));
  wb.modified = new Date(Date.UTC(2017, 10, 20));
  buildScorecardSheet(wb, fixture, expected);
  buildKeySheet(wb, expected);
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), measures: expected.rows.length, priorities: fixture.sections.length };
}

async function main() {
  const out = path.resolve(process.argv[2] || DEFAULT_OUT);
  if (!fs.existsSync(FIXTURE_XLSX) || !fs.existsSync(FIXTURE_JSON)) {
    console.error(`make-sample: fixtures not found in ${FIXTURES} (set SCORECARD_FIXTURES to the shared/fixtures folder)`);
    process.exit(1);
  }
  const { buffer, measures, priorities } = await buildSample();
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, buffer);
  console.log(`make-sample: wrote ${path.relative(process.cwd(), out)} (${measures} measures, ${priorities} priorities, ${(buffer.length / 1024).toFixed(1)} KB)`);
}

module.exports = { buildSample, formatFor };

if (require.main === module) {
  main().catch((err) => {
    console.error(`make-sample: ${err.message}`);
    process.exit(1);
  });
}
