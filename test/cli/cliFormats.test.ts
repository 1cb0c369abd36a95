/**
 * Files the command line must not rate, and outputs it must not write: each refused with one line naming the
 * file and what is wrong, a non-zero exit and nothing written.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../support/cli';
import { macroPolicy, workbookFormat } from '../../src/cli/workbookFormat';
import { buildScorecard } from '../hardening/corpus';
import { unzipBytes, zipStored } from '../support/zip';


const run = runCli;

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-formats-'));
});
afterEach(() => {
  for (const f of fs.readdirSync(dir)) fs.chmodSync(path.join(dir, f), 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

const inDir = (name: string) => path.join(dir, name);

function save(name: string, data: Buffer | string): string {
  fs.writeFileSync(inDir(name), data);
  return inDir(name);
}

/** A listing of the folder with each file's bytes, to show that a refused run changed nothing at all. */
function folderState(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(dir).sort()) {
    const p = inDir(f);
    out[f] = fs.statSync(p).isDirectory() ? `folder ${fs.readdirSync(p).join(',')}` : fs.readFileSync(p).toString('base64');
  }
  return out;
}

async function expectRefused(argv: string[], code: number, ...mentions: string[]): Promise<string> {
  const before = folderState();
  const r = await run(...argv);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^scorecard: [^\n]+\n$/);
  expect(r.stderr).not.toContain('unexpected error');
  for (const m of mentions) expect(r.stderr).toContain(m);
  expect(r.code).toBe(code);
  expect(folderState()).toEqual(before);
  return r.stderr;
}

/** The base scorecard repackaged with the given [Content_Types].xml edit and extra parts. */
async function repackaged(edit: (types: string) => string, extra: [string, Buffer][] = []): Promise<Buffer> {
  const parts = unzipBytes(await buildScorecard());
  parts.set('[Content_Types].xml', Buffer.from(edit(parts.get('[Content_Types].xml')?.toString('utf8') ?? '')));
  for (const [name, bytes] of extra) parts.set(name, bytes);
  return zipStored(parts);
}

const SHEET_MAIN = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';
const MACRO_MAIN = 'application/vnd.ms-excel.sheet.macroEnabled.main+xml';

function xlsm(): Promise<Buffer> {
  return repackaged((t) => t.replace(SHEET_MAIN, MACRO_MAIN), [['xl/vbaProject.bin', Buffer.from('not really VBA')]]);
}

function ods(mimetype = 'application/vnd.oasis.opendocument.spreadsheet'): Buffer {
  return zipStored(
    new Map([
      ['mimetype', Buffer.from(mimetype)],
      ['content.xml', Buffer.from('<office:document-content/>')],
    ]),
  );
}

describe('files that are not an .xlsx are named for what they are', () => {
  it('an OpenDocument spreadsheet', async () => {
    const file = save('budget.xlsx', ods());
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], 1, file, 'an OpenDocument spreadsheet (.ods): save it as .xlsx');
  });

  it('another OpenDocument file', async () => {
    const file = save('minutes.ods', ods('application/vnd.oasis.opendocument.text'));
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], 1, file, 'an OpenDocument file, not a spreadsheet');
  });

  it('a CSV, a tab-separated file and Excel’s UTF-16 “Unicode Text”', async () => {
    const csv = save('q2.csv', 'Ref,Measure,Target\r\n1.A1,Referrals per 10,000 – children,336.9\r\n');
    await expectRefused(['rate', csv, '-o', inDir('out.xlsx')], 1, csv, 'a text (CSV) file, not a workbook');
    const tsv = save('q2.txt', 'Ref\tMeasure\tTarget\n1.A1\tReferrals\t336.9\n');
    await expectRefused(['rate', tsv, '-o', inDir('out.xlsx')], 1, tsv, 'a text (CSV) file');
    const utf16 = save('q2-unicode.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Ref\tMeasure\r\n', 'utf16le')]));
    await expectRefused(['rate', utf16, '-o', inDir('out.xlsx')], 1, utf16, 'a text (CSV) file');
  });

  it('binary that is neither text nor a zip is left to the reader, which says it is not a zip', async () => {
    const file = save('noise.xlsx', Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 37 + 11) % 256)));
    expect(await workbookFormat(fs.readFileSync(file))).toBe('other');
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], 1, file, 'not a zip archive');
  });

  it('an ordinary workbook is an .xlsx', async () => {
    expect(await workbookFormat(await buildScorecard())).toBe('xlsx');
    expect(await workbookFormat(await xlsm())).toBe('xlsm');
  });
});

describe('macro-enabled workbooks', () => {
  it('an .xlsm is rated into an .xlsm, its macro project and content type kept as they were', async () => {
    const input = await xlsm();
    const file = save('with-macros.xlsm', input);
    const r = await run('rate', file, '-o', inDir('out.xlsm'));
    expect([r.code, r.stderr]).toEqual([0, '']);
    const out = unzipBytes(fs.readFileSync(inDir('out.xlsm')));
    expect(out.get('xl/vbaProject.bin')?.toString()).toBe('not really VBA');
    expect(out.get('[Content_Types].xml')?.toString()).toContain(MACRO_MAIN);
  });

  it('an .xlsm written under an .xlsx name is refused, however the input is named', async () => {
    const file = save('renamed.xlsx', await xlsm());
    await expectRefused(['rate', file, '-o', inDir('out.xlsx')], 1, file, 'macro-enabled', 'would lose its macros');
  });

  it('an .xlsx may not be written under an .xlsm name', async () => {
    const file = save('plain.xlsx', await buildScorecard());
    await expectRefused(['rate', file, '-o', inDir('out.XLSM')], 1, file, 'would be named .xlsm but hold no macros');
  });

  it('the policy, switched off for a writer that keeps macros, still refuses a name that does not fit', () => {
    const keeps = { keepsMacros: true };
    expect(macroPolicy('xlsm', 'out.xlsm', keeps)).toBeNull();
    expect(macroPolicy('xlsm', 'out.xlsx', keeps)).toMatch(/would lose its macros/);
    expect(macroPolicy('xlsx', 'out.xlsm', keeps)).toMatch(/hold no macros/);
    expect(macroPolicy('xlsx', 'out.xlsx', keeps)).toBeNull();
    expect(macroPolicy('xlsx', 'out.xlsx', { keepsMacros: false })).toBeNull();
    expect(macroPolicy('xlsm', 'out.xlsm', { keepsMacros: false })).toMatch(/macros would be lost/);
  });
});

describe('outputs that would overwrite what they must not', () => {
  it('--report naming the input workbook: the workbook is not overwritten with JSON', async () => {
    const file = save('in.xlsx', await buildScorecard());
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', file], 2, '--report names the input workbook');
    // Another spelling of the same file is the same file.
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', path.join(dir, '.', 'x', '..', 'in.xlsx')], 2, '--report names the input');
  });

  it('--report naming the input through a link', async () => {
    const file = save('in.xlsx', await buildScorecard());
    fs.linkSync(file, inDir('alias.xlsx'));
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('alias.xlsx')], 2, '--report names the input workbook');
  });

  it('-o and --report naming one file', async () => {
    const file = save('in.xlsx', await buildScorecard());
    await expectRefused(['rate', file, '-o', inDir('out.xlsx'), '--report', inDir('out.xlsx')], 2, '--report must be a different file');
  });

  it('-o naming the input is allowed: it is replaced by the rated workbook', async () => {
    const data = await buildScorecard();
    const file = save('in.xlsx', data);
    const r = await run('rate', file, '-o', file);
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(fs.readFileSync(file).equals(data)).toBe(false);
    expect(fs.readdirSync(dir)).toEqual(['in.xlsx']);
  });
});

describe('outputs that cannot be written are refused before rating', () => {
  // The input does not exist: a refusal that names the output shows that the output was checked first.
  const missing = () => inDir('missing.xlsx');

  it('an existing output file without write permission', async () => {
    const out = save('out.xlsx', 'last quarter’s rated workbook');
    fs.chmodSync(out, 0o444);
    await expectRefused(['rate', missing(), '-o', out], 1, `cannot write ${out}: the file is read-only`);
  });

  it('an existing report file without write permission', async () => {
    const report = save('report.json', '{}');
    fs.chmodSync(report, 0o444);
    await expectRefused(['rate', missing(), '-o', inDir('out.xlsx'), '--report', report], 1, `cannot write ${report}: the file is read-only`);
  });

  it('a folder that cannot be written in', async () => {
    const locked = inDir('locked');
    fs.mkdirSync(locked);
    fs.chmodSync(locked, 0o555);
    const out = path.join(locked, 'out.xlsx');
    await expectRefused(['rate', missing(), '-o', out], 1, `cannot write ${out}: the folder ${locked} is read-only`);
  });

  it('an output that is a folder', async () => {
    fs.mkdirSync(inDir('out.xlsx'));
    await expectRefused(['rate', missing(), '-o', inDir('out.xlsx')], 1, `cannot write ${inDir('out.xlsx')}: it is a folder`);
  });

  it('the input itself when it is read-only and -o names it', async () => {
    const file = save('in.xlsx', await buildScorecard());
    fs.chmodSync(file, 0o444);
    await expectRefused(['rate', file, '-o', file], 1, `cannot write ${file}: the file is read-only`);
  });
});

describe('arguments are read by util.parseArgs and put in plain words', () => {
  it('an option without its value, and a value for a switch', async () => {
    await expectRefused(['rate', 'in.xlsx', '-o'], 2, '--output needs a value');
    await expectRefused(['rate', 'in.xlsx', '-o', '--report', 'r.json'], 2, '--output needs a value');
    await expectRefused(['rate', 'in.xlsx', '--out-dir', dir, '--reports=yes'], 2, '--reports takes no value');
  });

  it('--rule may be repeated, and "--flag=value" works as "--flag value"', async () => {
    const file = save('in.xlsx', await buildScorecard());
    const r = await run('rate', file, `--output=${inDir('out.xlsx')}`, '--rule', 'tolerance=0.05', '--rule=stabilityBand=0.01', '--sheet=scorecard');
    expect([r.code, r.stderr]).toEqual([0, '']);
    expect(r.stdout).toContain('on sheet "Scorecard"');
  });

  it('-o with several inputs, and --report with --out-dir', async () => {
    await expectRefused(['rate', 'a.xlsx', 'b.xlsx', '-o', 'out.xlsx'], 2, '-o names one output but there are 2 inputs', '--out-dir');
    await expectRefused(['rate', 'a.xlsx', '--out-dir', dir, '--report', 'r.json'], 2, 'use --reports');
    await expectRefused(['rate', 'a.xlsx', '-o', 'out.xlsx', '--reports'], 2, '--reports goes with --out-dir');
    await expectRefused(['rate', 'a.xlsx', 'b.xlsx'], 2, 'needs --out-dir');
    await expectRefused(['rate', dir, '-o', 'out.xlsx'], 2, 'is a folder: rate a folder with --out-dir');
  });
});
