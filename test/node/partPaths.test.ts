import * as ExcelJS from 'exceljs';
import { readWorkbookFile } from '../../src/node/readWorkbookFile';
import { withPackageFixes } from '../../src/node/packageFixes';
import { relativePartName, relativeTargets } from '../../src/node/partPaths';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
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

describe('packages whose relationships name parts absolutely', () => {
  it('the test package really has absolute Targets, table part included', async () => {
    const rels = unzipText(withAbsoluteTargets(await tableScorecard()));
    expect(rels.get('xl/worksheets/_rels/sheet1.xml.rels')).toContain('Target="/xl/tables/table1.xml"');
    expect(rels.get('xl/_rels/workbook.xml.rels')).toContain('Target="/xl/worksheets/sheet1.xml"');
  });

  it('are read like any other, and the table header is found and rated', async () => {
    const { grids } = await readWorkbookFile(withAbsoluteTargets(await tableScorecard()));
    expect(grids.map((g) => g.name)).toEqual(['Scorecard']);
    expect(grids[0].values[2]?.slice(0, 3)).toEqual(['Ref', 'Measure', 'Good performance']);
    const rating = rateWorkbook(grids);
    expect(rating.sheets[0].rows.map((r) => [r.measure.ref, r.rating.status])).toEqual([
      ['1.A1', 'off-target'],
      ['1.A2', 'off-target'],
    ]);
  });

  it('a package with relative Targets is passed on byte for byte', async () => {
    const data = await tableScorecard();
    expect(await withPackageFixes(data)).toBe(data);
  });
});

describe('relativeTargets', () => {
  it.each([
    ['xl/tables/table1.xml', ['xl', 'worksheets'], '../tables/table1.xml'],
    ['xl/worksheets/sheet1.xml', ['xl'], 'worksheets/sheet1.xml'],
    ['xl/workbook.xml', [], 'xl/workbook.xml'],
    ['xl/worksheets/sheet2.xml', ['xl', 'worksheets'], 'sheet2.xml'],
  ])('%s from %j is %s', (target, folder, want) => {
    expect(relativePartName(target, folder)).toBe(want);
  });

  it('leaves external links and relative Targets alone', () => {
    const xml =
      '<Relationships><Relationship Id="rId1" Type="t" Target="/xl/tables/table1.xml"/>' +
      '<Relationship Id="rId2" Type="h" Target="/intranet/report.html" TargetMode="External"/>' +
      '<Relationship Id="rId3" Type="t" Target="../tables/table2.xml"/></Relationships>';
    expect(relativeTargets(xml, 'xl/worksheets/_rels/sheet1.xml.rels')).toBe(
      '<Relationships><Relationship Id="rId1" Type="t" Target="../tables/table1.xml"/>' +
        '<Relationship Id="rId2" Type="h" Target="/intranet/report.html" TargetMode="External"/>' +
        '<Relationship Id="rId3" Type="t" Target="../tables/table2.xml"/></Relationships>',
    );
  });
});

describe('escaped percent signs in number formats', () => {
  it('20 under 0\\% reads as 20 under a literal-% format, not as 0% (2000%)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 20;
    ws.getCell('A1').numFmt = '0\\%';
    ws.getCell('A2').value = 0.2;
    ws.getCell('A2').numFmt = '0.0%';
    const { grids } = await readWorkbookFile(await toBuffer(wb));
    expect(grids[0].numberFormats?.map((r) => r?.[0])).toEqual(['0"%"', '0.0%']);
  });
});
