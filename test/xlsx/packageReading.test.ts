import * as ExcelJS from 'exceljs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { parseValue } from '../../src/engine/values';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { relativeTarget, resolveTarget } from '../../src/xlsx/parts';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { toBuffer } from '../support/workbooks';
import { unzipText, zipStored } from '../support/zip';

/** A scorecard written as an Excel table (ListObject), the way export tools write one. */
async function tableScorecard(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Scorecard');
  ws.getCell('A1').value = 'Council Plan 2017/18 Q2';
  ws.addTable({
    name: 'Scorecard',
    ref: 'A3',
    headerRow: true,
    columns: ['Ref', 'Measure', 'Good performance', 'Frequency', 'Target', 'Overall status', 'DOT', 'Q1 2017/18', 'Q2 2017/18'].map((name) => ({ name })),
    rows: [
      ['1.A1', 'Children in need rate', 'Low', 'Quarterly', 336.9, '', '', 359.8, 345.8],
      ['1.A2', 'Carers assessed', 'High', 'Quarterly', 2500, '', '', 2600, 2400],
    ],
  });
  return toBuffer(wb);
}

/** The same package with every relationship Target written as an absolute part name, as some tools do. */
function withAbsoluteTargets(data: Buffer): Buffer {
  const out = new Map<string, Buffer>();
  for (const [name, text] of unzipText(data)) {
    if (!name.endsWith('.rels')) {
      out.set(name, Buffer.from(text, 'utf8'));
      continue;
    }
    const folder = name.replace(/(^|\/)_rels\/[^/]*$/, '');
    const absolute = text.replace(/Target="([^"/][^"]*)"/g, (_m, target: string) => {
      const parts: string[] = [];
      for (const p of `${folder}/${target}`.split('/')) {
        if (p === '..') parts.pop();
        else if (p && p !== '.') parts.push(p);
      }
      return `Target="/${parts.join('/')}"`;
    });
    out.set(name, Buffer.from(absolute, 'utf8'));
  }
  return zipStored(out);
}

const gridsOf = (data: Buffer) => WorkbookPackage.open(data, zlibCodec).grids();

describe('packages whose relationships name parts absolutely', () => {
  it('the test package really has absolute Targets, table part included', async () => {
    const rels = unzipText(withAbsoluteTargets(await tableScorecard()));
    expect(rels.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/tables/table1.xml"');
    expect(rels.get('xl/_rels/workbook.xml.rels')).toContain('Target="/xl/worksheets/sheet1.xml"');
  });

  it('are read like any other, and the table header is found and rated', async () => {
    const grids = gridsOf(withAbsoluteTargets(await tableScorecard()));
    expect(grids.map((g) => g.name)).toEqual(['Scorecard']);
    expect(grids[0].values[2]?.slice(0, 3)).toEqual(['Ref', 'Measure', 'Good performance']);
    const rating = rateWorkbook(grids);
    expect(rating.sheets[0].rows.map((r) => [r.measure.ref, r.rating.status])).toEqual([
      ['1.A1', 'off-target'],
      ['1.A2', 'off-target'],
    ]);
  });
});

describe('relationship targets', () => {
  it.each([
    ['xl/worksheets/sheet1.xml', '../tables/table1.xml', 'xl/tables/table1.xml'],
    ['xl/workbook.xml', 'worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml'],
    ['xl/workbook.xml', '/xl/worksheets/sheet2.xml', 'xl/worksheets/sheet2.xml'],
    ['', 'xl/workbook.xml', 'xl/workbook.xml'],
    ['xl/worksheets/sheet1.xml', './sheet2.xml', 'xl/worksheets/sheet2.xml'],
  ])('from %s, %s is the part %s', (from, target, part) => {
    expect(resolveTarget(from, target)).toBe(part);
  });
  it.each([
    ['xl/workbook.xml', 'xl/worksheets/sheet3.xml', 'worksheets/sheet3.xml'],
    ['xl/worksheets/sheet1.xml', 'xl/drawings/drawing1.xml', '../drawings/drawing1.xml'],
  ])('from %s, the part %s is written %s', (from, part, target) => {
    expect(relativeTarget(from, part)).toBe(target);
  });
});

describe('escaped percent signs in number formats', () => {
  it('20 under 0\\% reads as 20 percent, not as 2000%', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 20;
    ws.getCell('A1').numFmt = '0\\%';
    ws.getCell('A2').value = 0.2;
    ws.getCell('A2').numFmt = '0.0%';
    const [grid] = gridsOf(await toBuffer(wb));
    expect(grid.numberFormats?.map((r) => r?.[0])).toEqual(['0\\%', '0.0%']);
    const read = (row: number) => parseValue({ value: grid.values[row][0], numberFormat: grid.numberFormats?.[row]?.[0] ?? null });
    expect(read(0)).toMatchObject({ kind: 'number', value: 20, percent: true });
    expect(read(1)).toMatchObject({ kind: 'number', value: 20, percent: true });
  });
});
