/**
 * What kind of file the user gave us, told from its bytes rather than its name (people rename a .csv to
 * .xlsx, and Excel names a password-protected workbook .xlsx too), so a file we cannot rate is refused in
 * words that say what to do with it, before any reading is attempted.
 */
import { bytesSource, readZip, partText } from '../xlsx/zip';
import type { ByteSource } from '../xlsx/zip';
import { zlibCodec } from './zlibCodec';

export type WorkbookFormat = 'xlsx' | 'xlsm' | 'xls' | 'encrypted' | 'ole' | 'ods' | 'opendocument' | 'text' | 'other';

const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_SIGNATURE = Buffer.from('PK\x03\x04', 'latin1');
const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet';
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

/**
 * An OLE compound file is a small file system; its directory names the streams in UTF-16LE. Office puts a
 * workbook encrypted with a password to open in an "EncryptedPackage" stream, and Excel 97-2003 keeps its
 * sheets in "Workbook" (BIFF8) or "Book" (BIFF5).
 */
function oleFormat(data: Buffer): WorkbookFormat {
  const named = (name: string) => data.includes(Buffer.from(name, 'utf16le'));
  if (named('EncryptedPackage')) return 'encrypted';
  if (named('Workbook') || named('Book')) return 'xls';
  return 'ole';
}

/**
 * OpenDocument puts an uncompressed "mimetype" entry first so that its type can be read at a fixed place:
 * the local header is 30 bytes, then the name, the extra field and the content.
 */
function openDocumentFormat(data: Buffer): WorkbookFormat | null {
  if (data.length < 38) return null;
  const nameLength = data.readUInt16LE(26);
  const extraLength = data.readUInt16LE(28);
  if (data.toString('latin1', 30, 30 + nameLength) !== 'mimetype') return null;
  const start = 30 + nameLength + extraLength;
  const mimetype = data.toString('latin1', start, start + 80);
  if (mimetype.startsWith(ODS_MIMETYPE)) return 'ods';
  return mimetype.startsWith('application/vnd.oasis.opendocument') ? 'opendocument' : null;
}

/** Mostly printable, decodable text in the first few kilobytes: a CSV, a TSV, an HTML page saved as .xls. */
function looksLikeText(data: Buffer): boolean {
  // Excel's "Unicode Text" is UTF-16 with a byte order mark: full of zero bytes, and text all the same.
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0xfe && data[1] === 0xff)) return true;
  const head = data.subarray(0, 4096);
  if (head.includes(0)) return false;
  const text = head.toString('utf8');
  let printable = 0;
  for (const ch of text) if (ch === '\t' || ch === '\n' || ch === '\r' || (ch >= ' ' && ch !== '\x7f' && ch !== '\ufffd')) printable++;
  return printable >= 0.95 * [...text].length;
}

async function macroEnabled(data: ByteSource): Promise<boolean> {
  try {
    const types = readZip(data).find((e) => e.name.toLowerCase() === '[content_types].xml');
    return types ? partText(types, zlibCodec).includes(MACRO_MAIN) : false;
  } catch {
    // A broken zip is for the reader to describe: it says what is wrong in words a person can act on.
    return false;
  }
}

/** What is read of the file's start: signatures, OpenDocument's mimetype entry, the text sniff. */
const HEAD_BYTES = 4096;

/** The file's format from its bytes. 'other' is left to the reader, which says why it cannot read it. */
export async function workbookFormat(input: Buffer | ByteSource): Promise<WorkbookFormat> {
  const source = Buffer.isBuffer(input) ? bytesSource(input) : input;
  const head = Buffer.from(source.read(0, HEAD_BYTES));
  // An OLE file's directory may lie anywhere in it: it is read whole (it is refused in any case).
  if (head.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE)) return oleFormat(Buffer.from(source.read(0, source.size)));
  if (head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) {
    const odf = openDocumentFormat(head);
    if (odf) return odf;
    return (await macroEnabled(source)) ? 'xlsm' : 'xlsx';
  }
  if (head.length > 0 && looksLikeText(head)) return 'text';
  return 'other';
}

/** Why a file of this format cannot be rated at all, or null when the reader should try it. */
export function formatProblem(format: WorkbookFormat): string | null {
  switch (format) {
    case 'xls':
      return 'an Excel 97-2003 workbook (.xls): save it as .xlsx';
    case 'encrypted':
      return 'protected with a password to open: remove the password and try again';
    case 'ole':
      return 'an Excel 97-2003 workbook (.xls) or a workbook protected with a password to open: save it as .xlsx without a password to open';
    case 'ods':
      return 'an OpenDocument spreadsheet (.ods): save it as .xlsx';
    case 'opendocument':
      return 'an OpenDocument file, not a spreadsheet';
    case 'text':
      return 'a text (CSV) file, not a workbook: open it in Excel and save it as .xlsx';
    default:
      return null;
  }
}

/**
 * Whether a rating may go from this input to an output of this name, or why not. The writer today drops a
 * workbook's macros (ExcelJS does not keep vbaProject.bin), so an .xlsm is refused rather than silently
 * stripped; a writer that keeps them passes `keepsMacros` and only a mismatch of name and content is refused.
 */
export function macroPolicy(format: WorkbookFormat, outputName: string, options: { keepsMacros: boolean }): string | null {
  const outputIsXlsm = outputName.toLowerCase().endsWith('.xlsm');
  if (format === 'xlsm') {
    if (!options.keepsMacros) return 'a macro-enabled workbook (.xlsm): the macros would be lost; save a copy as .xlsx';
    if (!outputIsXlsm) return `a macro-enabled workbook (.xlsm): the output ${outputName} would lose its macros; name it .xlsm`;
    return null;
  }
  if (outputIsXlsm) return `the output ${outputName} would be named .xlsm but hold no macros; name it .xlsx`;
  return null;
}
