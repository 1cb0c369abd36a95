/**
 * The rate command's arguments, read with Node's util.parseArgs and checked as far as can be without
 * touching a file, so a typo fails before any workbook is read. Checks that need the file system (is an
 * input a folder, is an output writable) are the run plan's (ratePlan.ts).
 */
import { parseArgs } from 'util';
import type { RatingRules } from '../engine/rules';
import { applyRuleText } from '../engine/ruleTable';
import { UsageError } from './cliErrors';

export interface RateArgs {
  /** Workbooks and folders, as typed. */
  inputs: string[];
  /** -o: the one rated workbook. */
  output?: string;
  /** --out-dir: a rated workbook per input, named after it. */
  outDir?: string;
  /** --report with -o: the one report. */
  report?: string;
  /** --reports with --out-dir: a report beside each rated workbook. */
  reports: boolean;
  sheet?: string;
  rules: Partial<RatingRules>;
  help: boolean;
}

const OPTIONS = {
  output: { type: 'string', short: 'o' },
  'out-dir': { type: 'string' },
  report: { type: 'string' },
  reports: { type: 'boolean' },
  sheet: { type: 'string' },
  rule: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads one --rule into `rules` with the rule table's own parse now, so a typo fails before any file is read. */
function parseRuleFlag(rules: Partial<RatingRules>, text: string): void {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new UsageError(`--rule "${text}" must look like key=value (see scorecard rules)`);
  const error = applyRuleText(rules, text.slice(0, eq).trim(), text.slice(eq + 1), `--rule ${text}`);
  if (error) throw new UsageError(error);
}

/**
 * parseArgs's own messages are long and written for programmers ("To specify a positional argument starting
 * with a '-', place it at the end…"): the codes are stable, so they are put in the tool's words.
 */
function usageErrorFrom(e: unknown): unknown {
  const err = e as { code?: string; message?: string };
  const message = err.message ?? '';
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']+)'/.exec(message)?.[1] ?? message;
    return new UsageError(`unknown option ${flag}`);
  }
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const flag = /--[\w-]+/.exec(message)?.[0] ?? 'an option';
    return new UsageError(message.includes('does not take an argument') ? `${flag} takes no value` : `${flag} needs a value`);
  }
  return e;
}

export function parseRateArgs(argv: readonly string[]): RateArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (e) {
    throw usageErrorFrom(e);
  }
  const { values, positionals } = parsed;
  const rules: Partial<RatingRules> = {};
  for (const text of values.rule ?? []) parseRuleFlag(rules, text);
  const args: RateArgs = {
    inputs: positionals,
    output: values.output,
    outDir: values['out-dir'],
    report: values.report,
    reports: values.reports ?? false,
    sheet: values.sheet,
    rules,
    help: values.help ?? false,
  };
  if (!args.help) checkCombination(args);
  return args;
}

function checkCombination(args: RateArgs): void {
  const { inputs, output, outDir } = args;
  if (inputs.length === 0) throw new UsageError('rate needs an input workbook: scorecard rate <in.xlsx> -o <out.xlsx>');
  if (output !== undefined && outDir !== undefined) throw new UsageError('give -o (one workbook) or --out-dir (a folder of them), not both');
  if (output !== undefined && inputs.length > 1) {
    throw new UsageError(`-o names one output but there are ${inputs.length} inputs (${inputs.join(', ')}): use --out-dir <folder>`);
  }
  if (output === undefined && outDir === undefined) {
    throw new UsageError(
      inputs.length > 1
        ? 'rate needs --out-dir <folder> to write several rated workbooks'
        : 'rate needs -o <out.xlsx>, the file to write the rated workbook to (or --out-dir <folder>)',
    );
  }
  if (outDir !== undefined && args.report !== undefined) {
    throw new UsageError('--report names one report file: with --out-dir use --reports, which writes <name>.report.json beside each workbook');
  }
  if (output !== undefined && args.reports) throw new UsageError('--reports goes with --out-dir: with -o use --report <file>');
}
