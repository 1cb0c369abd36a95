/** The command line's help text: the one place that says what every command and option does. */
export const USAGE = `Usage:
  scorecard rate <in.xlsx> -o <out.xlsx> [--report <report.json>] [--sheet NAME] [--rule key=value ...]
  scorecard rate <in.xlsx | folder> ... --out-dir <folder> [--reports] [--sheet NAME] [--rule key=value ...]
  scorecard demo
  scorecard rules
  scorecard --help

Commands:
  rate    Rate every measure of the scorecard in <in.xlsx>: write each row's overall status, direction of
          travel and explanation, and the Summary, Red flags and Scorecard rules sheets, into <out.xlsx>.
  demo    Rate the sample scorecard shipped with the package into a temporary folder and print the summary.
  rules   List every rating rule with its default and what it does.

Options for rate:
  -o, --output <file>    Where to write the rated workbook (one input only; it may be <in.xlsx> itself,
                         which is then replaced only once the rated copy is complete).
  --report <file>        With -o: also write a JSON report (one entry per rated row, the summary, the red
                         flags and the warnings). It may not name the input or the output.
  --out-dir <folder>     Rate each input on its own into <folder>/<name>.xlsx. An input may be a folder: every
                         .xlsx directly in it (not in its subfolders). One failure does not stop the others;
                         a table of results ends the run, which exits 1 if any workbook failed. The folder
                         must exist.
  --reports              With --out-dir: also write <folder>/<name>.report.json for each workbook.
  --sheet <name>         Rate only this sheet (otherwise every sheet that holds a scorecard).
  --rule <key=value>     Set a rating rule for this run, over the workbook's own Scorecard rules sheet.
                         Repeat for more rules; see "scorecard rules".
  -h, --help             Show this help.

Files:
  Only .xlsx and .xlsm workbooks are rated. An .xls, an .ods, a CSV or a workbook with a password to open is refused
  with what to do about it. A macro-enabled .xlsm is rated into an .xlsm (-o must end in .xlsm), its
  macros kept; an .xlsx is never written under an .xlsm name. Nothing is written until every output is complete: a failure, or Ctrl+C, leaves every file as
  it was. A read-only output file, or a folder that cannot be written to, is refused before rating.

Exit codes: 0 rated, 1 a workbook could not be read, rated or written, 2 a command line not understood.
`;
