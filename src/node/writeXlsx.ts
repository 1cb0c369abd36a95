/**
 * Writes an ExcelJS workbook to an .xlsx file through our own zip writer (zipWriter.ts) rather than ExcelJS's
 * JSZip one. ExcelJS still renders every part: this replays the steps of its XLSX.write (ExcelJS 4.4) with a
 * zip of our own, so only the packing changes. Should a later ExcelJS rename those steps, the workbook is
 * written by ExcelJS's own writer instead: slower, never wrong.
 */
import type { Workbook } from 'exceljs';
import { writeZipFile } from './zipWriter';
import type { ZipWriter } from './zipWriter';

/** The zip interface ExcelJS's steps call: a part's text or bytes (images may come as base64). */
interface ExcelJsZip {
  append(data: string | Buffer, options: { name: string; base64?: boolean }): void;
}

type Step = (zip: ExcelJsZip, model: unknown) => unknown;

/** XLSX.write's steps, in its order; steps in one inner list run together there too. */
const STEPS: readonly (readonly string[])[] = [
  ['addContentTypes'],
  ['addOfficeRels'],
  ['addWorkbookRels'],
  ['addWorksheets'],
  // Always after the worksheets: rendering them fills the shared strings.
  ['addSharedStrings'],
  ['addDrawings'],
  ['addTables'],
  ['addThemes', 'addStyles'],
  ['addMedia'],
  ['addApp', 'addCore'],
  ['addWorkbook'],
];

interface XlsxInternals {
  prepareModel(model: unknown, options: object): void;
  [step: string]: unknown;
}

function internals(workbook: Workbook): { xlsx: XlsxInternals; model: unknown } | null {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  if (typeof xlsx.prepareModel !== 'function') return null;
  if (!STEPS.every((group) => group.every((name) => typeof xlsx[name] === 'function'))) return null;
  return { xlsx, model: (workbook as unknown as { model: unknown }).model };
}

/** True when this ExcelJS has the steps the fast writer replays. */
export function canWriteNatively(workbook: Workbook): boolean {
  return internals(workbook) !== null;
}

function adapt(zip: ZipWriter): ExcelJsZip {
  return {
    append(data, options) {
      zip.add(options.name, options.base64 && typeof data === 'string' ? Buffer.from(data, 'base64') : data);
    },
  };
}

/** Writes `workbook` to `file` as .xlsx, as ExcelJS's writeFile would, only faster. */
export async function writeXlsxFile(workbook: Workbook, file: string): Promise<void> {
  const parts = internals(workbook);
  if (!parts) {
    await workbook.xlsx.writeFile(file);
    return;
  }
  const { xlsx, model } = parts;
  await writeZipFile(file, async (zip) => {
    const target = adapt(zip);
    xlsx.prepareModel(model, {});
    for (const group of STEPS) await Promise.all(group.map((name) => (xlsx[name] as Step).call(xlsx, target, model)));
  });
}
