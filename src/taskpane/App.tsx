/**
 * The Scorecard task pane: four buttons over a ScorecardHost, a result line, a message bar for errors and
 * warnings, the red flags with links to their rows, and the reviewers' flag form. Everything Excel-specific
 * is behind the host, so the same components run against a fake host in a browser test.
 */
import { Divider, FluentProvider, makeStyles, Subtitle2, tokens, webLightTheme } from '@fluentui/react-components';
import * as React from 'react';
import type { RedFlag } from '../scorecard/types';
import { ActionBar } from './components/ActionBar';
import type { Action } from './components/ActionBar';
import { FlagForm } from './components/FlagForm';
import { Problems } from './components/Problems';
import { RedFlagList } from './components/RedFlagList';
import { ResultLine } from './components/ResultLine';
import { recalculatedLine, redFlagsLine, summaryLine, undoLine } from './describe';
import type { FlagInput, ScorecardHost } from './host';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
});

export interface AppProps {
  host: ScorecardHost;
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App({ host }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [busy, setBusy] = React.useState<Action | 'flag' | null>(null);
  const [result, setResult] = React.useState<string | null>(null);
  const [error, setError] = React.useState<string | null>(null);
  const [warnings, setWarnings] = React.useState<string[]>([]);
  const [flags, setFlags] = React.useState<RedFlag[]>([]);
  const [flagRef, setFlagRef] = React.useState('');

  const run = async (action: Action): Promise<void> => {
    setBusy(action);
    setError(null);
    try {
      if (action === 'recalculate') {
        const o = await host.recalculate();
        setResult(recalculatedLine(o));
        setWarnings(o.warnings);
      } else if (action === 'summary') {
        const o = await host.buildSummary();
        setResult(summaryLine(o));
        setWarnings(o.warnings);
      } else if (action === 'redFlags') {
        const o = await host.redFlags();
        setResult(redFlagsLine(o));
        setFlags(o.flags);
        setWarnings([]);
      } else {
        setResult(undoLine(await host.undo()));
        setWarnings([]);
      }
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(null);
    }
  };

  const addFlag = async (flag: FlagInput): Promise<boolean> => {
    setBusy('flag');
    setError(null);
    try {
      const all = await host.addFlag(flag);
      setResult(`Flag added to the Flags sheet (${all.length} in all).`);
      return true;
    } catch (e) {
      setError(message(e));
      return false;
    } finally {
      setBusy(null);
    }
  };

  const goTo = (sheet: string, row: number): void => {
    host.selectRow(sheet, row).catch((e: unknown) => setError(message(e)));
  };

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.pane}>
        <ActionBar busy={busy === 'flag' ? null : busy} disabled={busy !== null} onAction={(a) => void run(a)} />
        <ResultLine text={result} />
        <Problems error={error} warnings={warnings} />
        <RedFlagList flags={flags} onGoTo={goTo} onFlag={setFlagRef} />
        <Divider />
        <Subtitle2 as="h2">Flag a measure for the performance clinic</Subtitle2>
        <FlagForm initialRef={flagRef} busy={busy !== null} onSubmit={addFlag} />
      </main>
    </FluentProvider>
  );
}
