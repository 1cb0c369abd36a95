/**
 * The command line reads its input where it lies: a large sheet the rating never reads is copied from the
 * input file to the output a piece at a time, never held whole, and comes out byte for byte.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { rateOneWorkbook } from '../../src/cli/rateOneWorkbook';
import { openInput } from '../../src/cli/inputFile';
import { zlibCodec } from '../../src/cli/zlibCodec';
import { entryBytes, readZip, writeZip } from '../../src/xlsx/zip';
import type { ByteSource } from '../../src/xlsx/zip';
import { buildScorecard } from '../hardening/corpus';
import { runCli } from '../support/cli';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** The scorecard beside an untouched data sheet "Ledger" of `rows` rows: several MiB compressed. */
async function withLedger(rows: number): Promise<Buffer> {
  const entries = readZip(await buildScorecard());
  const text = (name: string) => dec.decode(entryBytes(entries.find((e) => e.name === name)!, zlibCodec));
  const cells: string[] = [];
  let x = 12345;
  for (let r = 1; r <= rows; r++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    cells.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${x}</v></c><c r="C${r}"><v>${x % 9973}</v></c></row>`);
  }
  const ledger = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${cells.join('')}</sheetData></worksheet>`;
  const edits = new Map([
    ['xl/workbook.xml', text('xl/workbook.xml').replace('</sheets>', '<sheet name="Ledger" sheetId="99" r:id="rIdLedger"/></sheets>')],
    ['xl/_rels/workbook.xml.rels', text('xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdLedger" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/ledger.xml"/></Relationships>')],
    ['[Content_Types].xml', text('[Content_Types].xml').replace('</Types>', '<Override PartName="/xl/worksheets/ledger.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>')],
  ]);
  const parts = entries.map((e) => (edits.has(e.name) ? { name: e.name, bytes: enc.encode(edits.get(e.name)) } : { copy: e }));
  parts.push({ name: 'xl/worksheets/ledger.xml', bytes: enc.encode(ledger) });
  return Buffer.from(writeZip(parts, { ...zlibCodec, deflate: (d) => zlib.deflateRawSync(d, { level: 1 }) }));
}

let dir: string;
let input: string;
let ledgerSize: number;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-input-'));
  input = path.join(dir, 'in.xlsx');
  fs.writeFileSync(input, await withLedger(250000));
  ledgerSize = readZip(fs.readFileSync(input)).find((e) => e.name === 'xl/worksheets/ledger.xml')!.compressedSize;
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the input is read where it lies', () => {
  it('the large untouched sheet is never read whole: only its top, and then pieces of at most 1 MiB as it is copied', async () => {
    expect(ledgerSize).toBeGreaterThan(3 << 20);
    const file = openInput(input);
    const reads: number[] = [];
    const source: ByteSource = { size: file.source.size, read: (o, n) => (reads.push(n), file.source.read(o, n)) };
    try {
      const rated = await rateOneWorkbook(source, { file: input, outputName: 'out.xlsx' });
      expect(Math.max(...reads)).toBeLessThan(ledgerSize);
      const out = path.join(dir, 'out.xlsx');
      await rated.write(out);
      expect(Math.max(...reads)).toBeLessThanOrEqual(1 << 20);
      const before = readZip(fs.readFileSync(input)).find((e) => e.name === 'xl/worksheets/ledger.xml')!;
      const after = readZip(fs.readFileSync(out)).find((e) => e.name === 'xl/worksheets/ledger.xml')!;
      expect(Buffer.from(after.data).equals(Buffer.from(before.data))).toBe(true);
      expect(after.crc).toBe(before.crc);
    } finally {
      file.close();
    }
  });

  it('the command line rates it, and the input is left as it was', async () => {
    const bytes = fs.readFileSync(input);
    const r = await runCli('rate', input, '-o', path.join(dir, 'cli.xlsx'));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(fs.readFileSync(input).equals(bytes)).toBe(true);
  });

  it('rating in place reads the input to the end while the new file is written beside it', async () => {
    const copy = path.join(dir, 'inplace.xlsx');
    fs.copyFileSync(input, copy);
    const r = await runCli('rate', copy, '-o', copy);
    expect(r.code).toBe(0);
    const back = readZip(fs.readFileSync(copy));
    const ledger = back.find((e) => e.name === 'xl/worksheets/ledger.xml')!;
    expect(Buffer.from(ledger.data).equals(Buffer.from(readZip(fs.readFileSync(input)).find((e) => e.name === 'xl/worksheets/ledger.xml')!.data))).toBe(true);
  });

  it('a folder or a missing file is refused in words', () => {
    expect(() => openInput(dir)).toThrow('is a folder, not a workbook');
    expect(() => openInput(path.join(dir, 'nothing.xlsx'))).toThrow('file not found');
  });
});
