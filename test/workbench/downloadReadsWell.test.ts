/**
 * The rated download reads well in a spreadsheet: the explanation column is wide, its sentences wrap and its
 * header is whole; a flag's "Flagged on" is a date cell under a date format, read back as the moment it was.
 */
import * as fs from 'fs';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { FLAG_DATE_FORMAT, flagDateText, flagSerial } from '../../src/scorecard/flagDates';
import { cellAddress } from '../../src/workbook/grid';
import { WorkbenchHost } from '../../src/workbench/workbenchHost';
import { WorkbookPackage } from '../../src/xlsx/workbookPackage';
import { COUNCIL_PLAN, FIXED_NOW } from '../excel/support/workbooks';
import { unzipBytes } from '../support/zip';

function part(bytes: Uint8Array, name: string): string {
  const data = unzipBytes(Buffer.from(bytes)).get(name);
  if (!data) throw new Error(`no part ${name}`);
  return data.toString('utf8');
}

function sheetXml(bytes: Uint8Array, name: string): string {
  const workbook = part(bytes, 'xl/workbook.xml');
  const rels = part(bytes, 'xl/_rels/workbook.xml.rels');
  const id = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = id && new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (!target) throw new Error(`no part for ${name}`);
  return part(bytes, `xl/${target.replace(/^\/?xl\//, '')}`);
}

/** The cellXfs entry a cell's s attribute points at, and the format code of its numFmtId. */
function cellStyle(bytes: Uint8Array, xml: string, ref: string): { xf: string; format: string | null } {
  const s = Number(new RegExp(`<c r="${ref}"[^>]*?\\ss="(\\d+)"`).exec(xml)?.[1] ?? 0);
  const styles = part(bytes, 'xl/styles.xml');
  const xfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  const xf = xfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)?.[s] ?? '';
  const id = /numFmtId="(\d+)"/.exec(xf)?.[1];
  const format = id ? (new RegExp(`<numFmt numFmtId="${id}" formatCode="([^"]+)"`).exec(styles)?.[1] ?? null) : null;
  return { xf, format };
}

test('the explanation column of the download is 80 characters wide and its sentences wrap', async () => {
  const host = await WorkbenchHost.open(new Uint8Array(fs.readFileSync(COUNCIL_PLAN)), 'plan.xlsx', { now: FIXED_NOW });
  const rated = await host.recalculate();
  const { bytes } = await host.download();
  const xml = sheetXml(bytes, rated.sheets[0]);
  const row = rated.rows[0];
  const grid = WorkbookPackage.open(bytes, zlibCodec)
    .grids()
    .find((g) => g.name === rated.sheets[0]);
  const col = grid?.values[row.row - 1]?.findIndex((v) => v === row.explanation) ?? -1;
  expect(col).toBeGreaterThan(0);
  expect(xml).toMatch(new RegExp(`<col min="${col + 1}" max="${col + 1}" width="80" customWidth="1"/>`));
  expect(cellStyle(bytes, xml, cellAddress(row.row - 1, col)).xf).toMatch(/wrapText="1"/);
});

test('a flag’s "Flagged on" is a date cell under a date format, and reads back as the moment it was made', async () => {
  const host = await WorkbenchHost.open(new Uint8Array(fs.readFileSync(COUNCIL_PLAN)), 'plan.xlsx', { now: FIXED_NOW });
  await host.addFlag({ ref: '1.A1', comment: 'First look', by: 'Sam' });
  await host.addFlag({ ref: '1.A2', comment: 'Second look', by: 'Jo' });
  const { bytes } = await host.download();
  const xml = sheetXml(bytes, 'Flags');
  for (const ref of ['G3', 'G4']) {
    const cell = new RegExp(`<c r="${ref}"[^>]*>([\\s\\S]*?)</c>`).exec(xml)?.[0] ?? '';
    expect(cell).toMatch(/<v>\d+(\.\d+)?<\/v>/);
    expect(cell).not.toMatch(/inlineStr/);
    expect(cellStyle(bytes, xml, ref).format).toBe(FLAG_DATE_FORMAT);
  }
  const again = await WorkbenchHost.open(bytes, 'plan.xlsx', { now: FIXED_NOW });
  expect((await again.listFlags()).map((f) => f.at)).toEqual([FIXED_NOW().toISOString(), FIXED_NOW().toISOString()]);
});

test('a flag date survives the serial both ways, and older text dates are read as written', () => {
  const at = '2026-12-02T03:16:58.000Z';
  const serial = flagSerial(at);
  expect(serial).not.toBeNull();
  expect(flagDateText(serial)).toBe(at);
  expect(flagDateText('2026-12-02T03:16:58.100Z')).toBe('2026-12-02T03:16:58.100Z');
  expect(flagDateText(null)).toBe('');
  expect(flagSerial('not a date')).toBeNull();
});
