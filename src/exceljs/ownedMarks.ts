/**
 * The tool's sheet marks through ExcelJS. ExcelJS 4.4 cannot keep them: its defined names are cell
 * ranges by name (doc/defined-names.js), so on loading it drops a constant's text ('"summary"' is not a
 * range) and the localSheetId, and it never writes hidden="1". So the marks go round ExcelJS at the workbook
 * part itself, on this workbook's own XLSX object (what ExcelJS's browser build offers too):
 *  - reading: the part's text is taken as ExcelJS parses it (parseWorkbook) and its marks are put on the
 *    worksheets once loaded;
 *  - writing: the part ExcelJS renders (addWorkbook) gets the marks of the worksheets written, whichever of
 *    ExcelJS's writers or ours (writeXlsx.ts) packs it.
 * Between the two a mark belongs to the Worksheet object, so it follows a rename and goes with the sheet.
 */
import type { Workbook, Worksheet } from 'exceljs';
import type { OwnedKind } from '../scorecard/ownedIdentity';
import { readSheetMarks, withSheetMarks } from './ownedMarksXml';

const kinds = new WeakMap<Worksheet, OwnedKind>();

/** The kind of tool sheet a worksheet is, from its mark; undefined for a user's sheet. */
export function ownedKindOfWorksheet(ws: Worksheet): OwnedKind | undefined {
  return kinds.get(ws);
}

/** Marks a worksheet as the tool's sheet of that kind: written with the workbook from now on. */
export function markWorksheet(workbook: Workbook, ws: Worksheet, kind: OwnedKind): void {
  keepMarksOnWrite(workbook);
  kinds.set(ws, kind);
}

interface Zip {
  append(data: unknown, options: { name: string }): void;
}

/** The steps of ExcelJS's XLSX object that read and render the workbook part. */
interface XlsxSteps {
  parseWorkbook(stream: AsyncIterable<unknown>): Promise<unknown>;
  addWorkbook(zip: Zip, model: unknown): Promise<void>;
}

const WORKBOOK_PART = 'xl/workbook.xml';
const hooked = new WeakSet<object>();

function steps(workbook: Workbook): XlsxSteps {
  const xlsx = workbook.xlsx as unknown as Partial<XlsxSteps>;
  if (typeof xlsx.parseWorkbook !== 'function' || typeof xlsx.addWorkbook !== 'function') {
    // Without these steps the tool cannot tell its sheets from the user's, and would take a Flags sheet for a scorecard.
    throw new Error('this version of ExcelJS has no parseWorkbook/addWorkbook steps, so the Scorecard cannot read or keep the marks of its own sheets');
  }
  return xlsx as XlsxSteps;
}

function keepMarksOnWrite(workbook: Workbook): void {
  const xlsx = steps(workbook);
  if (hooked.has(xlsx)) return;
  hooked.add(xlsx);
  const addWorkbook = xlsx.addWorkbook;
  xlsx.addWorkbook = function (zip: Zip, model: unknown): Promise<void> {
    const marks = workbook.worksheets.flatMap((ws) => {
      const kind = kinds.get(ws);
      return kind ? [{ sheet: ws.name, kind }] : [];
    });
    // ExcelJS's step only appends the part: a zip that rewrites it on the way is all it needs.
    const marking: Zip = {
      append: (data, options) => zip.append(options.name === WORKBOOK_PART ? withSheetMarks(String(data), marks) : data, options),
    };
    return addWorkbook.call(this, marking, model);
  };
}

function text(chunk: unknown): string {
  if (typeof chunk === 'string') return chunk;
  return new TextDecoder().decode(chunk as Uint8Array);
}

/**
 * Starts keeping the marks of the package about to be loaded into `workbook` (and of every later write).
 * Call before workbook.xlsx.load, and `apply` once it has loaded: the worksheets then carry their marks.
 */
export function captureMarks(workbook: Workbook): { apply(): void } {
  const xlsx = steps(workbook);
  keepMarksOnWrite(workbook);
  let part: string | null = null;
  const parseWorkbook = xlsx.parseWorkbook;
  xlsx.parseWorkbook = async function (stream: AsyncIterable<unknown>): Promise<unknown> {
    const chunks: string[] = [];
    for await (const chunk of stream) chunks.push(text(chunk));
    part = chunks.join('');
    // ExcelJS's parser takes any async iterable of text, so it reads the same text it would have streamed.
    return parseWorkbook.call(this, [part] as unknown as AsyncIterable<unknown>);
  };
  return {
    apply(): void {
      xlsx.parseWorkbook = parseWorkbook;
      if (part === null) return;
      for (const mark of readSheetMarks(part)) {
        const ws = workbook.worksheets.find((w) => w.name === mark.sheet);
        if (ws && !kinds.has(ws)) kinds.set(ws, mark.kind);
      }
    },
  };
}
