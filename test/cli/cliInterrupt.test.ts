/**
 * Ctrl+C or SIGTERM while the rated workbook is being written: the temporary files are removed and the
 * input is as it was. The command line runs as a child process, built into a temporary folder, on a
 * generated workbook, writing to a slow disk (the child's file writes go in 64 KiB pieces, 20 ms apart), so
 * that the write lasts long enough to be interrupted; the test waits until the workbook's temporary file
 * exists before it sends the signal, and fails if it never saw one.
 */
import { execFileSync, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeScorecardFile } from '../support/generateScorecard';
import { onInterrupt, pendingCleanups } from '../../src/cli/interruptCleanup';
import { isSideFile, writeAll } from '../../src/cli/safeWrite';

const ROOT = path.resolve(__dirname, '../..');

/** The child's large file writes, slowed as a busy or remote disk would slow them. */
const SLOW_DISK = `
const fs = require('fs');
const realOpen = fs.promises.open.bind(fs.promises);
fs.promises.open = async (file, flags, mode) => {
  const handle = await realOpen(file, flags, mode);
  // The workbook is written a piece at a time into its side file: each 64 KiB of it waits a little.
  if (flags !== 'w' || !String(file).endsWith('.tmp')) return handle;
  const write = handle.write.bind(handle);
  handle.write = async (data, ...rest) => {
    if (!(data instanceof Uint8Array) || data.length < 65536) return write(data, ...rest);
    for (let i = 0; i < data.length; i += 65536) {
      await write(data.subarray(i, i + 65536));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { bytesWritten: data.length, buffer: data };
  };
  return handle;
};`;
/** Rows enough for a write of most of a second here: long beside a poll every 10 ms, short for a test. */
const ROWS = 12000;

let tmp: string;
let runner: string;
let bigInput: Buffer;

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'scorecard-interrupt-'));
  const dist = path.join(tmp, 'dist');
  // Built apart from dist/, which the installed-command test builds at the same time in another worker.
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.node.json', '--outDir', dist], { cwd: ROOT });
  runner = path.join(tmp, 'run.js');
  fs.writeFileSync(runner, `${SLOW_DISK}\nrequire(${JSON.stringify(path.join(dist, 'cli', 'cli.js'))}).main(process.argv.slice(2)).then((c) => { process.exitCode = c; });\n`);
  const file = path.join(tmp, 'big.xlsx');
  await writeScorecardFile(file, ROWS);
  bigInput = fs.readFileSync(file);
}, 180000);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs the command line and sends `signal` once the workbook's temporary file (named after `output`) exists.
 * Resolves with how the process ended and whether the temporary file was seen before the signal.
 */
async function interruptWhileWriting(args: string[], output: string, signal: NodeJS.Signals): Promise<{ sawTemp: boolean; exit: { code: number | null; signal: string | null }; stderr: string }> {
  const child = spawn(process.execPath, [runner, ...args], { env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, sig) => resolve({ code, signal: sig })));
  let running = true;
  void exited.then(() => (running = false));
  const folder = path.dirname(output);
  const tempPrefix = `.${path.basename(output)}.`;
  let sawTemp = false;
  while (running && !sawTemp) {
    sawTemp = fs.readdirSync(folder).some((f) => f.startsWith(tempPrefix) && f.endsWith('.tmp'));
    if (!sawTemp) await sleep(10);
  }
  if (sawTemp) child.kill(signal);
  return { sawTemp, exit: await exited, stderr };
}

it('SIGTERM while writing a new workbook and report: neither is left, nor any temporary file', async () => {
  const input = path.join(tmp, 'in.xlsx');
  fs.writeFileSync(input, bigInput);
  const out = fs.mkdtempSync(path.join(tmp, 'out-'));
  const output = path.join(out, 'rated.xlsx');
  const r = await interruptWhileWriting(['rate', input, '-o', output, '--report', path.join(out, 'rated.json')], output, 'SIGTERM');
  expect(r.sawTemp).toBe(true);
  expect(r.exit).toEqual({ code: null, signal: 'SIGTERM' });
  expect(fs.readdirSync(out)).toEqual([]);
  expect(fs.readFileSync(input).equals(bigInput)).toBe(true);
}, 120000);

it('SIGINT (Ctrl+C) while rating in place: the input is as it was, byte for byte, and alone', async () => {
  const folder = fs.mkdtempSync(path.join(tmp, 'in-place-'));
  const input = path.join(folder, 'scorecard.xlsx');
  fs.writeFileSync(input, bigInput);
  const r = await interruptWhileWriting(['rate', input, '-o', input], input, 'SIGINT');
  expect(r.sawTemp).toBe(true);
  expect(r.exit).toEqual({ code: null, signal: 'SIGINT' });
  expect(fs.readdirSync(folder)).toEqual(['scorecard.xlsx']);
  expect(fs.readFileSync(input).equals(bigInput)).toBe(true);
}, 120000);

describe('the interrupt handlers are there only while files are being written', () => {
  it('writeAll registers its cleanup and removes it, on success and on failure', async () => {
    const before = process.listenerCount('SIGINT');
    const dir = fs.mkdtempSync(path.join(tmp, 'handlers-'));
    let during = -1;
    await writeAll([
      {
        target: path.join(dir, 'a.txt'),
        write: async (temp) => {
          during = process.listenerCount('SIGINT');
          fs.writeFileSync(temp, 'a');
        },
      },
    ]);
    expect(during).toBe(before + 1);
    await expect(writeAll([{ target: path.join(dir, 'b.txt'), write: () => Promise.reject(new Error('EIO')) }])).rejects.toThrow(/cannot write/);
    expect([pendingCleanups(), process.listenerCount('SIGINT'), process.listenerCount('SIGTERM')]).toEqual([0, before, process.listenerCount('SIGTERM')]);
    expect(fs.readdirSync(dir).filter(isSideFile)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['a.txt']);
  });

  it('the files are placed with no turn of the event loop between the first rename and the last, so an interrupt cannot fall inside', async () => {
    const dir = fs.mkdtempSync(path.join(tmp, 'placing-'));
    fs.writeFileSync(path.join(dir, 'book.xlsx'), 'old book');
    const nodeFs = jest.requireActual<typeof fs>('fs');
    const realRename = nodeFs.renameSync;
    const turnsSeen: boolean[] = [];
    let turned = false;
    const spy = jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (!turnsSeen.length) setImmediate(() => (turned = true));
      turnsSeen.push(turned);
      return realRename(from, to);
    });
    try {
      await writeAll([
        { target: path.join(dir, 'report.json'), write: async (temp) => fs.writeFileSync(temp, '{}') },
        { target: path.join(dir, 'book.xlsx'), write: async (temp) => fs.writeFileSync(temp, 'new book') },
      ]);
    } finally {
      spy.mockRestore();
    }
    expect(turnsSeen).toEqual([false, false]);
    expect(fs.readFileSync(path.join(dir, 'book.xlsx'), 'utf8')).toBe('new book');
    expect(fs.readdirSync(dir).sort()).toEqual(['book.xlsx', 'report.json']);
  });

  it('one registration kept by another does not stay installed after both are gone', () => {
    const before = process.listenerCount('SIGTERM');
    const a = onInterrupt(() => undefined);
    const b = onInterrupt(() => undefined);
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    a();
    a();
    expect(process.listenerCount('SIGTERM')).toBe(before + 1);
    b();
    expect(process.listenerCount('SIGTERM')).toBe(before);
  });
});
