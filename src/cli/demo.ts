/** `scorecard demo`: the sample scorecard shipped with the package, rated into a temporary folder. */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { EXIT_OK, UsageError } from './cliErrors';
import type { CliIo } from './cliIo';
import { dotLines, ratedWhat, statusLines } from './cliOutput';
import { rateToFiles } from './rateCommand';
import type { RateJob } from './ratePlan';

/** The package folder, found from this file whether it runs compiled (dist/node/cli) or from src. */
async function packageRoot(): Promise<string> {
  let dir = __dirname;
  for (;;) {
    try {
      const pkg = JSON.parse(await fs.readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === 'scorecard') return dir;
    } catch {
      // no package.json here: keep climbing
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('cannot find the scorecard package folder');
    dir = parent;
  }
}

export async function demoCommand(argv: readonly string[], io: CliIo, ctx: { file: string }): Promise<number> {
  if (argv.length > 0) throw new UsageError(`demo takes no arguments, got ${argv.join(' ')}`);
  const input = path.join(await packageRoot(), 'assets', 'sample-scorecard.xlsx');
  ctx.file = input;
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'scorecard-demo-'));
  const job: RateJob = {
    input,
    output: path.join(dir, 'sample-scorecard-rated.xlsx'),
    report: path.join(dir, 'sample-scorecard-report.json'),
  };
  const result = await rateToFiles(job, { rules: {} });
  const flags = result.redFlags.map((f) => `  ${f.ref}  ${f.measure}${f.leadOfficer ? ` (${f.leadOfficer})` : ''}\n      ${f.reason}`);
  const lines = [
    ratedWhat(result, 'the sample scorecard'),
    '',
    statusLines(result.summary, result.rules),
    '',
    dotLines(result.summary, result.rules),
    '',
    `Red flags (${result.redFlags.length}): off target this period and the previous one`,
    ...(flags.length > 0 ? flags : ['  none']),
    '',
    'Summary for the report:',
    `  ${result.summary.text}`,
    '',
    `Rated workbook: ${job.output}`,
    `Report: ${job.report}`,
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT_OK;
}
