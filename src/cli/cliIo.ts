/** Where the command line's text goes: the process's streams, or strings in a test. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Progress lines are for a person watching, not for a log or a pipe. */
  stderrIsTerminal?: boolean;
}

export const processIo: CliIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  stderrIsTerminal: Boolean(process.stderr.isTTY),
};
