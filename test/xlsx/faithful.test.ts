import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { buildOwnedSheets } from '../../src/scorecard/ownedSheets';
import { rateWorkbook } from '../../src/scorecard/rateWorkbook';
import { applyRatingToPackage } from '../../src/xlsx/applyRating';
import { readSharedStrings } from '../../src/xlsx/sharedStrings';
import { readSheet } from '../../src/xlsx/sheetRead';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { readZip } from '../../src/xlsx/zip';
import { ADDED_PARTS, featureWorkbook, SPILL_CELLS } from '../support/featureCorpus';

function rate(input: Buffer): { output: Buffer; warnings: string[]; rated: ReturnType<typeof rateWorkbook> } {
  const pkg = WorkbookPackage.open(input, zlibCodec);
  const rated = rateWorkbook(pkg.grids(), { file: 'in.xlsx' });
  const warnings = applyRatingToPackage(pkg, rated, buildOwnedSheets(rated)).map((w) => w.message);
  return { output: Buffer.from(pkg.toBytes()), warnings, rated };
}

/** The parts the tool may edit: the rated sheet, styles (appended), and the workbook's lists of sheets (app.xml among them). */
const EDITED = new Set(['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'docProps/app.xml']);

describe('a workbook with charts, pivots, comments, labels and macros keeps all of them', () => {
  for (const macros of [false, true]) {
    const input = featureWorkbook({ macros });
    const { output, rated } = rate(input);
    const before = readZip(input);
    const after = new Map(readZip(output).map((e) => [e.name, e]));

    it(`${macros ? '.xlsm' : '.xlsx'}: every part of the input is in the output, and every part the tool does not edit is byte for byte the same, still compressed as it was`, () => {
      for (const part of [...ADDED_PARTS, ...(macros ? ['xl/vbaProject.bin'] : [])]) expect(after.has(part)).toBe(true);
      for (const e of before) {
        const out = after.get(e.name);
        expect(out).toBeDefined();
        if (EDITED.has(e.name)) continue;
        expect({ part: e.name, same: Buffer.from(out!.data).equals(Buffer.from(e.data)), crc: out!.crc === e.crc }).toEqual({ part: e.name, same: true, crc: true });
      }
    });

    it(`${macros ? '.xlsm' : '.xlsx'}: the rated sheet changes only in its owned cells; outside its rows every byte is kept`, () => {
      const text = (bytes: Buffer, part: string) => new TextDecoder().decode(zlibCodec.inflate(readZip(bytes).find((e) => e.name === part)!.data, 0));
      const was = text(input, 'xl/worksheets/sheet1.xml');
      const now = text(output, 'xl/worksheets/sheet1.xml');
      const outside = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '').replace(/<dimension[^>]*\/>/, '').replace(/<cols>[\s\S]*?<\/cols>/, '');
      expect(outside(now)).toBe(outside(was));
      const shared = readSharedStrings(text(input, 'xl/sharedStrings.xml'));
      const a = readSheet('Scorecard', was, shared, () => null);
      const b = readSheet('Scorecard', now, shared, () => null);
      const owned = new Set([rated.sheets[0].columns.status, rated.sheets[0].columns.dot, rated.sheets[0].columns.explanation]);
      let compared = 0;
      a.values.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (owned.has(c)) return;
          compared++;
          expect(b.values[r]?.[c]).toEqual(v);
        }),
      );
      expect(compared).toBeGreaterThan(1000);
      expect(b.values[5]?.[rated.sheets[0].columns.status]).toBe('✘');
    });

    it(`${macros ? '.xlsm' : '.xlsx'}: a dynamic-array spill survives: its metadata part byte for byte, its anchor (cm="1", the array formula) and the cells it spills into exactly as they were, in rows that were rated`, () => {
      const text = (bytes: Buffer, part: string) => new TextDecoder().decode(zlibCodec.inflate(readZip(bytes).find((e) => e.name === part)!.data, 0));
      const meta = (bytes: Buffer) => Buffer.from(readZip(bytes).find((e) => e.name === 'xl/metadata.xml')!.data);
      expect(meta(output).equals(meta(input))).toBe(true);
      const now = text(output, 'xl/worksheets/sheet1.xml');
      const rowOf = (xml: string, r: number) => new RegExp(`<row r="${r}"[^>]*>[\\s\\S]*?</row>`).exec(xml)![0];
      SPILL_CELLS.forEach((cell, i) => {
        const row = rowOf(now, 6 + i);
        expect(row).toContain(cell);
        // The row was patched (it holds its status now), so the spill cell went through the patcher.
        expect(row).toMatch(/t="inlineStr"/);
      });
      expect(text(output, '[Content_Types].xml')).toContain('PartName="/xl/metadata.xml"');
      expect(text(output, 'xl/_rels/workbook.xml.rels')).toContain('Target="metadata.xml"');
    });

    it(`${macros ? '.xlsm' : '.xlsx'}: the content type of the workbook stays what it was (macro-enabled stays macro-enabled)`, () => {
      const types = new TextDecoder().decode(zlibCodec.inflate(readZip(output).find((e) => e.name === '[Content_Types].xml')!.data, 0));
      expect(types.includes('macroEnabled.main+xml')).toBe(macros);
      expect(types).toContain('/xl/vbaProject.bin'.slice(0, 0) + (macros ? 'vnd.ms-office.vbaProject' : 'custom-properties'));
    });
  }
});

describe('a sheet of the user’s named like one of the tool’s is never changed', () => {
  it('the user’s own "Summary" survives byte for byte; the tool’s summary goes to "Scorecard summary" and says so; a second run replaces the tool’s sheets in place', () => {
    const base = featureWorkbook();
    // Rename the Key sheet "Summary": a council's own summary sheet.
    const pkg = WorkbookPackage.open(base, zlibCodec);
    const entries = readZip(base);
    const wb = new TextDecoder().decode(zlibCodec.inflate(entries.find((e) => e.name === 'xl/workbook.xml')!.data, 0)).replace('name="Key"', 'name="Summary"');
    expect(pkg.map.sheets.map((s) => s.name)).toContain('Key');
    const { writeZip } = jest.requireActual('../../src/xlsx/zip') as typeof import('../../src/xlsx/zip');
    const input = Buffer.from(writeZip(entries.map((e) => (e.name === 'xl/workbook.xml' ? { name: e.name, bytes: new TextEncoder().encode(wb) } : { copy: e })), zlibCodec));
    const first = rate(input);
    expect(first.warnings.some((w) => /your sheet "Summary" is kept; the summary is on "Scorecard summary"/.test(w))).toBe(true);
    const out = WorkbookPackage.open(first.output, zlibCodec);
    expect(out.map.sheets.map((s) => s.name)).toEqual(['Scorecard', 'Summary', 'Scorecard summary', 'Red flags', 'Scorecard rules']);
    const userPart = (bytes: Buffer) => readZip(bytes).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    expect(Buffer.from(userPart(first.output).data).equals(Buffer.from(userPart(input).data))).toBe(true);
    expect(out.ownedKind('Scorecard summary')).toBe('summary');
    expect(out.ownedKind('Summary')).toBeNull();
    const second = rate(first.output);
    const again = WorkbookPackage.open(second.output, zlibCodec);
    expect(again.map.sheets.map((s) => s.name)).toEqual(['Scorecard', 'Summary', 'Scorecard summary', 'Red flags', 'Scorecard rules']);
    expect(Buffer.from(userPart(second.output).data).equals(Buffer.from(userPart(input).data))).toBe(true);
    expect(second.rated.sheets[0].rows.map((r) => r.rating.status)).toEqual(first.rated.sheets[0].rows.map((r) => r.rating.status));
  });
});

describe('LibreOffice opens what the package writer writes', () => {
  it('and reads the statuses back', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-lo-'));
    try {
      fs.writeFileSync(path.join(dir, 'rated.xlsx'), rate(featureWorkbook()).output);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,1', '--outdir', dir, path.join(dir, 'rated.xlsx')], { stdio: 'pipe', timeout: 120000 });
      const csv = fs.readFileSync(path.join(dir, fs.readdirSync(dir).find((f) => f.endsWith('.csv'))!), 'utf8');
      const row6 = csv.split('\n')[5].split(',');
      expect(row6).toContain('✘');
      expect(csv).toContain('Rating explanation');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 180000);
});

describe('the Summary sheet gets real charts', () => {
  it('a chart part of the status counts and one of the direction of travel, placed by a drawing on the Summary sheet, written over in place on the next run', () => {
    const first = rate(featureWorkbook()).output;
    const parts = (bytes: Buffer) => readZip(bytes).map((e) => e.name);
    const charts = parts(first).filter((n) => /^xl\/charts\/scorecard-/.test(n));
    expect(charts).toHaveLength(2);
    const text = (bytes: Buffer, name: string) => new TextDecoder().decode(zlibCodec.inflate(readZip(bytes).find((e) => e.name === name)!.data, 0));
    expect(text(first, charts[0])).toContain('<c:v>Overall status: all measures</c:v>'.replace('<c:v>', '<a:t>').replace('</c:v>', '</a:t>'));
    expect(text(first, charts[1])).toContain('Direction of travel: all measures');
    expect(text(first, charts[0])).toMatch(/<c:f>'Summary'!\$B\$\d+:\$B\$\d+<\/c:f>/);
    expect(text(first, '[Content_Types].xml')).toContain(`PartName="/${charts[0]}"`);
    const second = rate(first).output;
    expect(parts(second).filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort()).toEqual(parts(first).filter((n) => /^xl\/(charts|drawings)\//.test(n)).sort());
  });
});

describe('a large sheet that holds no scorecard costs what a small one costs', () => {
  it('only its top is read, it is copied byte for byte, and the scorecard beside it is rated as before', () => {
    const base = readZip(featureWorkbook());
    const rows: string[] = [];
    for (let r = 1; r <= 200000; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100003}</v></c><c r="B${r}" t="inlineStr"><is><t>row ${r} of the ledger</t></is></c></row>`);
    const data = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const enc = new TextEncoder();
    const text = (name: string) => new TextDecoder().decode(zlibCodec.inflate(base.find((e) => e.name === name)!.data, 0));
    const { writeZip } = jest.requireActual('../../src/xlsx/zip') as typeof import('../../src/xlsx/zip');
    const edits = new Map<string, string>([
      ['xl/workbook.xml', text('xl/workbook.xml').replace('</sheets>', '<sheet name="Ledger" sheetId="9" r:id="rIdLedger"/></sheets>')],
      ['xl/_rels/workbook.xml.rels', text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdLedger" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ledger.xml"/></Relationships>')],
      ['[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/ledger.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
    ]);
    const input = Buffer.from(
      writeZip([...base.map((e) => (edits.has(e.name) ? { name: e.name, bytes: enc.encode(edits.get(e.name) as string) } : { copy: e })), { name: 'xl/worksheets/ledger.xml', bytes: enc.encode(data) }], zlibCodec),
    );
    const ledgerIn = readZip(input).find((e) => e.name === 'xl/worksheets/ledger.xml')!;
    expect(ledgerIn.compressedSize).toBeGreaterThan(1 << 20);
    const grids = WorkbookPackage.open(input, zlibCodec).grids();
    const ledger = grids.find((g) => g.name === 'Ledger')!;
    expect(ledger.values.length).toBeLessThanOrEqual(1000);
    expect(ledger.values[0]?.[1]).toBe('row 1 of the ledger');
    const { output, rated } = rate(input);
    expect(rated.sheets.map((s) => s.sheet)).toEqual(['Scorecard']);
    const ledgerOut = readZip(output).find((e) => e.name === 'xl/worksheets/ledger.xml')!;
    expect(Buffer.from(ledgerOut.data).equals(Buffer.from(ledgerIn.data))).toBe(true);
  });
});

describe('the application properties list the sheets the tool adds', () => {
  it('after the workbook’s own, with the count under "Worksheets" raised to match', () => {
    const { output } = rate(featureWorkbook());
    const app = new TextDecoder().decode(zlibCodec.inflate(readZip(output).find((e) => e.name === 'docProps/app.xml')!.data, 0));
    expect(app).toContain('<vt:i4>5</vt:i4>');
    expect([...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1])).toEqual(['Worksheets', 'Scorecard', 'Key', 'Summary', 'Red flags', 'Scorecard rules']);
    expect(app).toContain('<vt:vector size="5" baseType="lpstr">');
  });
});
