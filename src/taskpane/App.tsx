/**
 * The Scorecard task pane: the operation buttons with progress and a result line, errors in a message
 * bar, the explanation of the selected row, then the summary, red flags, reviewers' flags and rules.
 * Everything Excel-specific is behind the host, so the same pane runs against a fake host in a browser test.
 */
import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { Action } from '../ui/components/ActionBar';
import { ACTION_LABELS, ActionBar } from '../ui/components/ActionBar';
import { DetailPanel } from '../ui/components/DetailPanel';
import { ChosenRowExplanation, ScorecardClinicFlags, ScorecardRedFlags } from '../ui/components/ScorecardPanels';
import { FlagDialog } from '../ui/components/FlagDialog';
import { Problems } from '../ui/components/Problems';
import { ProgressLine } from '../ui/components/ProgressLine';
import { ResultLine } from '../ui/components/ResultLine';
import { RulesPanel } from '../ui/components/RulesPanel';
import { SkipLink } from '../ui/components/SkipLink';
import { StatusWordsContext } from '../ui/components/StatusLabel';
import { SummaryPanel } from '../ui/components/SummaryPanel';
import { useForcedColourSelection } from '../ui/forcedColours';
import type { ScorecardHost } from '../app/host';
import { fluentTheme } from '../ui/theme';
import type { ThemeKind } from '../app/theme';
import { useScorecard } from '../ui/useScorecard';

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM, minHeight: '100vh', boxSizing: 'border-box' },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, outline: 'none' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  panels: { borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  host: ScorecardHost;
  /** Office's theme, light or dark. */
  theme?: ThemeKind;
}

const BUSY_WORDS: Record<string, string> = {
  recalculate: 'Recalculating',
  summary: 'Building the summary',
  redFlags: 'Finding red flags',
  undo: 'Undoing the last recalculation',
  rules: 'Saving the rules',
  flag: 'Adding the flag',
};

export function App({ host, theme = 'light' }: AppProps): React.JSX.Element {
  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <TaskPane host={host} />
    </FluentProvider>
  );
}

function TaskPane({ host }: { host: ScorecardHost }): React.JSX.Element {
  const styles = useStyles();
  const s = useScorecard(host);
  const [flagRef, setFlagRef] = React.useState<string | null>(null);
  const { symbols, dotSymbols } = s;
  const actions: Action[] = host.undo ? ['recalculate', 'summary', 'redFlags', 'undo'] : ['recalculate', 'summary', 'redFlags'];
  const busyAction = s.busy && s.busy in ACTION_LABELS ? (s.busy as Action) : null;
  useForcedColourSelection();

  // The buttons come first; the skip link jumps past them to what they produce.
  return (
    <StatusWordsContext.Provider value={s.statusWords}>
      <div className={styles.pane}>
        <SkipLink target="pane-main">Skip to the results</SkipLink>
        <ActionBar actions={actions} busy={busyAction} disabled={s.busy !== null} onAction={(a) => void s.run(a)} />
        <main id="pane-main" tabIndex={-1} className={styles.main} aria-label="Scorecard">
          <ProgressLine what={s.busy && s.busy !== 'flag' ? BUSY_WORDS[s.busy] : null} progress={s.progress} />
          <ResultLine text={s.result} />
          <Problems error={s.error} warnings={s.warnings} onDismissError={s.dismissError} />
          {/* Sticks to the top while a row is chosen: a red flag chosen far below shows its reason at once. */}
          <DetailPanel selection={s.selection} stick headingId="selected-row-heading">
            <ChosenRowExplanation
              state={s}
              onFlag={setFlagRef}
              rateHint="Recalculate (or Build summary) to see why each measure has its status, then select a measure's row in the sheet."
              selectHint="Select a measure's row in the sheet to see why it has its status."
            />
          </DetailPanel>
          <Accordion className={styles.panels} multiple collapsible defaultOpenItems={['summary', 'redFlags']}>
            <AccordionItem value="summary">
              <AccordionHeader as="h2">Summary</AccordionHeader>
              <AccordionPanel>
                {s.summary ? (
                  <SummaryPanel summary={s.summary} symbols={symbols} dotSymbols={dotSymbols} />
                ) : (
                  <p>Recalculate or Build summary to count the statuses.</p>
                )}
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="redFlags">
              <AccordionHeader as="h2">Red flags{s.redFlags ? ` (${s.redFlags.length})` : ''}</AccordionHeader>
              <AccordionPanel>
                <ScorecardRedFlags state={s} onFlag={setFlagRef} emptyHint="Click Red flags to list the measures off target this period and the previous one." />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="flags">
              <AccordionHeader as="h2">Flags for the clinic ({s.flags.length})</AccordionHeader>
              <AccordionPanel className={styles.section}>
                <ScorecardClinicFlags state={s} onFlag={setFlagRef} />
              </AccordionPanel>
            </AccordionItem>
            <AccordionItem value="rules">
              <AccordionHeader as="h2">Rules</AccordionHeader>
              <AccordionPanel>
                <RulesPanel view={s.rules} busy={s.busy !== null} onSave={s.saveRules} ratedWith={s.ratedWith} onRecalculate={() => s.run('recalculate')} />
              </AccordionPanel>
            </AccordionItem>
          </Accordion>
          <FlagDialog flagRef={flagRef} busy={s.busy !== null} onClose={() => setFlagRef(null)} onSubmit={s.addFlag} />
        </main>
      </div>
    </StatusWordsContext.Provider>
  );
}
