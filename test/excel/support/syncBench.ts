/**
 * Round trips (context.sync calls) and payload per add-in operation on generated scorecards, through the
 * fake Excel: once as Excel desktop (no payload limit) and once as Excel on the web (5 MB per request and
 * response). The adapter's promise is that round trips do not grow with rows up to 10,000, and beyond that
 * (or past the web's limit) grow only by chunk.
 *
 *   npm run bench:excel [-- --json] [--sizes 100,1000,10000]
 *
 * scripts/bench.js can call measureSyncs() from the compiled file (dist/syncbench/test/excel/support/syncBench.js).
 */
import { DESKTOP_BUDGETS, WEB_BUDGETS } from '../../../src/excel/budgets';
import { buildRedFlags, buildSummary, recalculate, undoLastRecalculation } from '../../../src/excel/operations';
import type { FakeExcel } from './fakeExcel';
import { excelContext, FIXED_NOW, generatedExcel } from './workbooks';

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface OperationFigures {
  /** Round trips that only read. */
  read: number;
  /** Round trips that changed the workbook. */
  write: number;
  /** Round trips Excel refused (payload too large) before the adapter split its reads. */
  refused: number;
  /** Largest request and response of one round trip Excel accepted, bytes. */
  maxRequest: number;
  maxResponse: number;
}

export interface SyncFigures {
  rows: number;
  host: 'desktop' | 'web';
  recalculate: OperationFigures;
  recalculateAgain: OperationFigures;
  buildSummary: OperationFigures;
  redFlags: OperationFigures;
  undo: OperationFigures;
}

async function measure(fake: FakeExcel, op: () => Promise<unknown>): Promise<OperationFigures> {
  fake.resetRecord();
  await op();
  const writes = new Set(fake.calls.filter((c) => !c.api.includes('.load(') && !c.api.startsWith('Application.')).map((c) => c.batch));
  // Batches are numbered per context; every operation here runs in a context of its own.
  const figures: OperationFigures = { read: 0, write: 0, refused: 0, maxRequest: 0, maxResponse: 0 };
  fake.syncs.forEach((s, i) => {
    if (!s.ok) figures.refused++;
    else if (writes.has(i + 1)) figures.write++;
    else figures.read++;
    if (!s.ok) return;
    figures.maxRequest = Math.max(figures.maxRequest, s.requestBytes);
    figures.maxResponse = Math.max(figures.maxResponse, s.responseBytes);
  });
  return figures;
}

/** Runs Recalculate (twice), Build summary, Red flags and Undo on a generated sheet of each size. */
export async function measureSyncs(sizes: readonly number[] = [100, 1000, 10000]): Promise<SyncFigures[]> {
  const out: SyncFigures[] = [];
  for (const rows of sizes) {
    for (const host of ['desktop', 'web'] as const) {
      const fake = generatedExcel(rows, { payloadLimit: host === 'web' ? WEB_PAYLOAD_LIMIT : null });
      // The budgets the Office host picks for each platform (see createOfficeHost).
      const options = { ...(host === 'web' ? WEB_BUDGETS : DESKTOP_BUDGETS), merges: true, now: FIXED_NOW };
      const recalc = await measure(fake, () => recalculate(excelContext(fake), options));
      const again = await measure(fake, () => recalculate(excelContext(fake), options));
      const summary = await measure(fake, () => buildSummary(excelContext(fake), options));
      const flags = await measure(fake, () => buildRedFlags(excelContext(fake), options));
      const undo = await measure(fake, () => undoLastRecalculation(excelContext(fake), options));
      out.push({ rows, host, recalculate: recalc, recalculateAgain: again, buildSummary: summary, redFlags: flags, undo });
    }
  }
  return out;
}

const mb = (b: number): string => `${(b / 1048576).toFixed(2)} MB`;

/** One line per size and host: read + write round trips per operation, and the largest payloads. */
export function formatSyncFigures(figures: readonly SyncFigures[]): string[] {
  const ops = ['recalculate', 'recalculateAgain', 'buildSummary', 'redFlags', 'undo'] as const;
  const cell = (f: OperationFigures): string => `${f.read}+${f.write}${f.refused ? ` (+${f.refused} refused)` : ''}`;
  const header = ['rows', 'host', 'Recalculate', 'again', 'Build summary', 'Red flags', 'Undo', 'largest request', 'largest response'];
  const rows = figures.map((f) => [
    f.rows.toLocaleString('en-GB'),
    f.host,
    ...ops.map((k) => cell(f[k])),
    mb(Math.max(...ops.map((k) => f[k].maxRequest))),
    mb(Math.max(...ops.map((k) => f[k].maxResponse))),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [
    'office-js round trips per operation (read+write), fake Excel; web = 5 MB payload limit:',
    [header, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i])).join('  ')).join('\n'),
  ];
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--sizes');
  const sizes = at >= 0 ? args[at + 1].split(',').map(Number) : undefined;
  measureSyncs(sizes)
    .then((figures) => process.stdout.write(args.includes('--json') ? `${JSON.stringify(figures)}\n` : `${formatSyncFigures(figures).join('\n')}\n`))
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
      process.exit(1);
    });
}
