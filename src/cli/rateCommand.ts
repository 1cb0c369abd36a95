/**
 * `scorecard rate`: one workbook to -o, or several (and folders of them) to --out-dir, each rated on its
 * own so that one bad workbook never stops the others. How a workbook's bytes are read and made is
 * rateOneWorkbook's business; this module reads the input file and places the outputs (safeWrite.ts).
 */
import type { RatingRules } from '../engine/rules';
import type { Report } from '../scorecard/types';
import { parseRateArgs } from './cliArgs';
import { asInputError, EXIT_BAD_INPUT, EXIT_OK, failureLine } from './cliErrors';
import type { CliIo } from './cliIo';
import { resultsTable, shortSummary } from './cliOutput';
import type { FolderResult } from './cliOutput';
import { checkWritable, planFolder, planSingle } from './ratePlan';
import type { RateJob } from './ratePlan';
import { rateOneWorkbook } from './rateOneWorkbook';
import type { RateOutcome } from './rateOneWorkbook';
import { openInput } from './inputFile';
import { writeReportFile } from './reportFile';
import { writeAll } from './safeWrite';
import type { PendingFile } from './safeWrite';
import { USAGE } from './usage';

/** Reads, rates and writes one job's workbook (and report) in one transaction. */
export async function rateToFiles(job: RateJob, options: { sheet?: string; rules: Partial<RatingRules> }): Promise<RateOutcome> {
  let input: ReturnType<typeof openInput> | undefined;
  try {
    input = openInput(job.input);
    const rated = await rateOneWorkbook(input.source, {
      file: job.input,
      sheet: options.sheet,
      rules: options.rules,
      outputName: job.output,
      withReport: job.report !== undefined,
    });
    let report: Report | undefined = rated.report;
    rated.report = undefined;
    const files: PendingFile[] = [];
    if (job.report && report) {
      // Written first and then let go of, so its rows are not held while the workbook is written.
      files.push({
        target: job.report,
        write: async (temp) => {
          const whole = report as Report;
          report = undefined;
          await writeReportFile(temp, whole);
        },
      });
    }
    files.push({ target: job.output, write: rated.write });
    await writeAll(files);
    return rated.outcome;
  } catch (e) {
    throw asInputError(e, job.input);
  } finally {
    // Open to the end: the untouched parts are copied from it as the workbook is written.
    input?.close();
  }
}

/**
 * Each workbook in turn, never two at once: a large one takes most of the memory while it is written. A
 * failure prints its line as it happens (a long run should not hide it until the end) and the run goes on.
 */
async function rateFolder(jobs: RateJob[], options: { sheet?: string; rules: Partial<RatingRules> }, outDir: string, io: CliIo): Promise<number> {
  const results: FolderResult[] = [];
  for (let i = 0; i < jobs.length; i++) {
    const job = jobs[i];
    if (io.stderrIsTerminal) io.stderr(`[${i + 1}/${jobs.length}] ${job.input}\n`);
    try {
      await checkWritable(job.report ? [job.output, job.report] : [job.output]).catch((e) => Promise.reject(asInputError(e, job.input)));
      results.push({ job, outcome: await rateToFiles(job, options) });
    } catch (e) {
      const line = failureLine(e, job.input);
      io.stderr(`scorecard: ${line}\n`);
      results.push({ job, failure: line.startsWith(`${job.input}: `) ? line.slice(job.input.length + 2) : line });
    }
  }
  io.stdout(resultsTable(results, outDir));
  return results.every((r) => 'outcome' in r) ? EXIT_OK : EXIT_BAD_INPUT;
}

export async function rateCommand(argv: readonly string[], io: CliIo, ctx: { file: string }): Promise<number> {
  const args = parseRateArgs(argv);
  if (args.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const options = { sheet: args.sheet, rules: args.rules };
  if (args.outDir !== undefined) return rateFolder(await planFolder(args), options, args.outDir, io);
  ctx.file = args.inputs[0];
  const job = await planSingle(args);
  io.stdout(shortSummary(await rateToFiles(job, options), job));
  return EXIT_OK;
}
