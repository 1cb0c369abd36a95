import * as fs from 'fs';
import * as zlib from 'zlib';
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { canWriteNatively, writeXlsxFile } from '../../src/node/writeXlsx';
import { tableCrc32, writeZipFile, ZipWriter } from '../../src/node/zipWriter';
import { tempDir } from '../hardening/corpus';
import { unzipText } from '../support/zip';

/** A 1×1 PNG, enough to make ExcelJS write a media part from base64. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const FIXED = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

/** A workbook with most of what ExcelJS writes: strings, numbers, formulas, styles, merges, a table, an image. */
function sampleWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.created = FIXED;
  wb.modified = FIXED;
  const ws = wb.addWorksheet('Scorecard');
  ws.addRow(['Ref', 'Measure', 'Target', 'Value', 'Status']);
  for (let i = 1; i <= 200; i++) ws.addRow([`1.A${i}`, `Measure ${i} with “quotes” & <angles>`, i * 2, i * 1.5, i % 3 ? '✔' : '✘']);
  ws.getCell('F2').value = { formula: 'D2/C2', result: 0.75 };
  ws.getCell('A1').font = { bold: true };
  ws.getCell('E3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } };
  ws.mergeCells('G1:H2');
  ws.getCell('B2').note = 'Checked by the performance team';
  ws.getCell('A3').value = { text: 'Council site', hyperlink: 'https://example.invalid/plan' };
  ws.getCell('E2').dataValidation = { type: 'list', allowBlank: true, formulae: ['"✔,●,✘"'] };
  ws.addConditionalFormatting({ ref: 'D2:D201', rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: [100], priority: 1, style: { font: { bold: true } } }] });
  const image = wb.addImage({ base64: `data:image/png;base64,${PNG_BASE64}`, extension: 'png' });
  ws.addImage(image, 'J2:K4');
  const other = wb.addWorksheet('Right-to-left عربى');
  other.addTable({ name: 'Counts', ref: 'A1', columns: [{ name: 'Status' }, { name: 'Count' }], rows: [['✔', 3], ['✘', 1]] });
  return wb;
}

describe('writing a workbook through our own zip writer', () => {
  const tmp = tempDir('scorecard-writexlsx-');
  afterAll(() => tmp.remove());

  it('is available on the ExcelJS this project installs, so the command line uses it', () => {
    expect(canWriteNatively(new ExcelJS.Workbook())).toBe(true);
  });

  it('writes the same parts, with the same content, as ExcelJS’s own writer', async () => {
    const ours = tmp.file('ours.xlsx');
    await writeXlsxFile(sampleWorkbook(), ours);
    const theirs = Buffer.from(await sampleWorkbook().xlsx.writeBuffer());
    const a = unzipText(fs.readFileSync(ours));
    const b = unzipText(theirs);
    expect([...a.keys()]).toEqual([...b.keys()]);
    expect([...a.keys()]).toEqual(
      expect.arrayContaining(['xl/media/image1.png', 'xl/tables/table1.xml', 'xl/worksheets/sheet2.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml']),
    );
    for (const [name, text] of a) expect({ name, text }).toEqual({ name, text: b.get(name) });
  });

  it('makes a zip another reader accepts, CRCs checked, and ExcelJS reads back the same cells', async () => {
    const file = tmp.file('check.xlsx');
    await writeXlsxFile(sampleWorkbook(), file);
    const zip = await JSZip.loadAsync(fs.readFileSync(file), { checkCRC32: true });
    const png = await zip.file('xl/media/image1.png')?.async('base64');
    expect(png).toBe(PNG_BASE64);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet('Scorecard') as ExcelJS.Worksheet;
    expect(ws.getCell('B3').value).toBe('Measure 2 with “quotes” & <angles>');
    expect(ws.getCell('F2').value).toEqual({ formula: 'D2/C2', result: 0.75 });
    expect(ws.getCell('E3').fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00B050' } });
    expect(ws.getCell('H2').isMerged).toBe(true);
    expect(ws.getCell('B2').note).toBe('Checked by the performance team');
    expect(ws.getCell('A3').value).toEqual({ text: 'Council site', hyperlink: 'https://example.invalid/plan' });
    expect(back.getWorksheet('Right-to-left عربى')?.getCell('B2').value).toBe(3);
  });

  it('falls back to ExcelJS’s own writer when the steps it replays are missing', async () => {
    const wb = sampleWorkbook();
    const xlsx = wb.xlsx as unknown as { addWorksheets?: unknown };
    Object.defineProperty(xlsx, 'addWorksheets', { value: undefined });
    expect(canWriteNatively(wb)).toBe(false);
    // ExcelJS's own writer needs the step too, so here it only has to be the one called.
    const spy = jest.spyOn(wb.xlsx, 'writeFile').mockResolvedValue(undefined);
    const file = tmp.file('fallback.xlsx');
    await writeXlsxFile(wb, file);
    expect(spy).toHaveBeenCalledWith(file);
  });
});

describe('the zip writer', () => {
  const tmp = tempDir('scorecard-zip-');
  afterAll(() => tmp.remove());

  it('round-trips any parts through an independent reader, small ones stored and large ones deflated', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(fc.stringMatching(/^[a-z][a-z0-9_]{0,8}(\/[a-z][a-z0-9_]{0,8}){0,2}\.xml$/), fc.string({ unit: 'grapheme', maxLength: 400 })), {
          minLength: 1,
          maxLength: 6,
          selector: ([name]) => name,
        }),
        async (parts) => {
          const file = tmp.file('prop.zip');
          await writeZipFile(file, async (zip) => {
            for (const [name, text] of parts) zip.add(name, text);
          });
          const zip = await JSZip.loadAsync(fs.readFileSync(file), { checkCRC32: true });
          // JSZip lists the folders a name implies as entries of their own.
          expect(Object.keys(zip.files).filter((name) => !zip.files[name].dir)).toEqual(parts.map(([name]) => name));
          for (const [name, text] of parts) expect(await zip.file(name)?.async('string')).toBe(text);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('stores a tiny part and deflates a large one', async () => {
    const file = tmp.file('methods.zip');
    await writeZipFile(file, async (zip) => {
      zip.add('tiny.txt', 'x');
      zip.add('big.xml', '<row/>'.repeat(10000));
    });
    const data = fs.readFileSync(file);
    // Local headers: method at offset 8 of each.
    expect(data.readUInt16LE(8)).toBe(0);
    const second = 30 + 'tiny.txt'.length + 1;
    expect(data.readUInt32LE(second)).toBe(0x04034b50);
    expect(data.readUInt16LE(second + 8)).toBe(8);
    expect(data.length).toBeLessThan(2000);
  });

  it('reports a failure to write and adds nothing after it', async () => {
    const file = tmp.file('fails.zip');
    const proto = ZipWriter.prototype as unknown as { write(data: Buffer): Promise<void> };
    const spy = jest.spyOn(proto, 'write').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, write'), { code: 'EIO' }));
    try {
      await expect(
        writeZipFile(file, async (zip) => {
          zip.add('a.xml', 'a'.repeat(1000));
          zip.add('b.xml', 'b'.repeat(1000));
        }),
      ).rejects.toThrow('EIO');
      expect(spy).toHaveBeenCalledTimes(1);
    } finally {
      spy.mockRestore();
    }
  });

  it('computes the same CRC-32 in JavaScript as zlib does, for Node versions without zlib.crc32', () => {
    const zlibCrc = (zlib as unknown as { crc32?: (d: Buffer) => number }).crc32;
    expect(tableCrc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    if (!zlibCrc) return;
    fc.assert(fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => tableCrc32(Buffer.from(bytes)) === zlibCrc(Buffer.from(bytes))));
  });
});

describe('the zip writer’s limits', () => {
  it('refuses a 65,536th part as soon as it is added, however many are still being compressed', async () => {
    const tmp = tempDir('scorecard-zip-limit-');
    try {
      await expect(
        writeZipFile(tmp.file('many.zip'), async (zip) => {
          for (let i = 0; i <= 0xffff; i++) zip.add(`p${i}.txt`, '');
        }),
      ).rejects.toThrow('more than 65,535 parts, which a plain zip cannot hold');
    } finally {
      tmp.remove();
    }
  });
});
