/**
 * The `scorecard` command line: rate workbooks, run the demo, list the rules. `main` takes its arguments
 * and output writers and returns the exit code, so tests run it in-process.
 */
import { EXIT_OK, EXIT_USAGE, exitCodeFor, failureLine, InputError, UsageError } from './cliErrors';
import { processIo } from './cliIo';
import type { CliIo } from './cliIo';
import { rulesText } from './cliOutput';
import { demoCommand } from './demo';
import { rateCommand } from './rateCommand';
import { USAGE } from './usage';

export type { CliIo } from './cliIo';

/** Runs one command. Expected problems print one line on stderr; the exit code says which kind. */
export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [command, ...rest] = argv;
  // The file a failure is about, set by the command as soon as it knows it.
  const ctx = { file: '' };
  try {
    switch (command) {
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        io.stdout(USAGE);
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case 'rules':
        if (rest.length > 0) throw new UsageError(`rules takes no arguments, got ${rest.join(' ')}`);
        io.stdout(rulesText());
        return EXIT_OK;
      case 'demo':
        return await demoCommand(rest, io, ctx);
      case 'rate':
        return await rateCommand(rest, io, ctx);
      default:
        throw new UsageError(command.startsWith('-') ? `unknown option ${command}` : `unknown command "${command}"`);
    }
  } catch (e) {
    io.stderr(`scorecard: ${failureLine(e, ctx.file)}\n`);
    const expected = e instanceof UsageError || e instanceof InputError;
    if (process.env.SCORECARD_DEBUG && !expected && e instanceof Error && e.stack) io.stderr(`${e.stack}\n`);
    return exitCodeFor(e);
  }
}
