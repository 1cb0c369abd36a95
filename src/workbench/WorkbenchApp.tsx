/**
 * The browser workbench: open a scorecard workbook, see it rated (summary, red flags, every row's reason),
 * change the rules, flag measures, and download the rated workbook. The same components as the task pane
 * over a WorkbenchHost; everything happens in this tab.
 */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Card,
  FluentProvider,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { ActionBar } from '../ui/components/ActionBar';
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
import { fluentTheme } from '../ui/theme';
import { useSystemTheme } from '../ui/useSystemTheme';
import { errorMessage, useScorecard } from '../ui/useScorecard';
import { DiscardDialog } from './components/DiscardDialog';
import { OpenFile } from './components/OpenFile';
import { RatedRowsTable } from './components/RatedRowsTable';
import { SessionLayout } from './components/SessionLayout';
import { saveFile } from './download';
import { NOTHING_UNSAVED, unsavedWords } from '../app/unsavedWork';
import type { UnsavedWork } from '../app/unsavedWork';
import { useLeaveWarning } from '../ui/useLeaveWarning';
import { WorkbenchHost } from './workbenchHost';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    maxWidth: '1400px',
    margin: '0 auto',
    minHeight: '100vh',
    boxSizing: 'border-box',
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, outline: 'none' },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // A skip link's target takes focus without a ring round the whole region, and passes a column's height on.
  target: { outline: 'none', minWidth: 0, flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
});

export function WorkbenchApp(): React.JSX.Element {
  const styles = useStyles();
  const theme = useSystemTheme();
  const [session, setSession] = React.useState<{ host: WorkbenchHost; id: number } | null>(null);
  const [opening, setOpening] = React.useState<string | null>(null);
  const [openError, setOpenError] = React.useState<string | null>(null);
  const [unsaved, setUnsaved] = React.useState<UnsavedWork>(NOTHING_UNSAVED);
  const [pending, setPending] = React.useState<File | null>(null);
  const unsavedText = unsavedWords(unsaved);
  useLeaveWarning(unsavedText !== null);
  useForcedColourSelection();

  // Another file replaces this one's flags and rules, which live only in this tab until downloaded: ask.
  const choose = (file: File): void => {
    if (unsavedText && session) setPending(file);
    else void open(file);
  };

  const open = async (file: File): Promise<void> => {
    setOpening(file.name);
    setOpenError(null);
    try {
      const host = await WorkbenchHost.open(new Uint8Array(await file.arrayBuffer()), file.name);
      setSession((s) => ({ host, id: (s?.id ?? 0) + 1 }));
      setUnsaved(NOTHING_UNSAVED);
    } catch (e) {
      setOpenError(errorMessage(e));
    } finally {
      setOpening(null);
    }
  };

  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <div className={styles.page}>
        <SkipLink target="workbench-main">Skip to the results</SkipLink>
        {session && <SkipLink target="rated-rows">Skip to the rated rows</SkipLink>}
        <header className={styles.header}>
          <Title2 as="h1">Scorecard workbench</Title2>
          <Text>
            Rate a council performance scorecard: every measure gets its status, direction of travel and a one-line reason, with the summary and
            the red flags. The workbook is read and rated in this browser tab; nothing is sent anywhere.
          </Text>
        </header>
        <main id="workbench-main" tabIndex={-1} className={styles.main} aria-label="Scorecard workbench">
          <OpenFile onFile={choose} opening={opening} compact={session !== null} />
          {openError && (
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>This file cannot be rated</MessageBarTitle>
                {openError}
              </MessageBarBody>
            </MessageBar>
          )}
          {session && <Session key={session.id} host={session.host} onUnsaved={setUnsaved} />}
        </main>
        <DiscardDialog
          next={pending?.name ?? null}
          current={session?.host.fileName ?? ''}
          unsaved={unsavedText ?? ''}
          onKeep={() => setPending(null)}
          onOpen={() => {
            const file = pending;
            setPending(null);
            if (file) void open(file);
          }}
        />
      </div>
    </FluentProvider>
  );
}

/** One opened workbook: rated as soon as it opens, then whatever the user does with it. */
function Session({ host, onUnsaved }: { host: WorkbenchHost; onUnsaved: (w: UnsavedWork) => void }): React.JSX.Element {
  const styles = useStyles();
  const s = useScorecard(host);
  // Flags added and rules saved since the last download: they are in the package, not yet on disk.
  const unsaved = React.useRef<UnsavedWork>(NOTHING_UNSAVED);
  const note = (w: UnsavedWork): void => {
    unsaved.current = w;
    onUnsaved(w);
  };
  const addFlag: typeof s.addFlag = async (flag) => {
    const outcome = await s.addFlag(flag);
    if (outcome.ok) note({ ...unsaved.current, flags: unsaved.current.flags + 1 });
    return outcome;
  };
  const saveRules: typeof s.saveRules = async (rules) => {
    const saved = await s.saveRules(rules);
    if (saved) note({ ...unsaved.current, rules: true });
    return saved;
  };
  const [flagRef, setFlagRef] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);
  const { symbols, dotSymbols } = s;

  // Rated once when the workbook opens (a session is one workbook); after that only when the user asks.
  const started = React.useRef(false);
  React.useEffect(() => {
    if (started.current) return;
    started.current = true;
    void s.run('recalculate');
  });

  const download = async (): Promise<void> => {
    setDownloading(true);
    setDownloadError(null);
    try {
      const { bytes, fileName } = await host.download();
      saveFile(bytes, fileName);
      note(NOTHING_UNSAVED);
    } catch (e) {
      setDownloadError(`The rated workbook could not be made: ${errorMessage(e)}. Try Recalculate, then download again.`);
    } finally {
      setDownloading(false);
    }
  };


  return (
    <StatusWordsContext.Provider value={s.statusWords}>
      <div className={styles.bar}>
        <Text className={styles.file}>{host.fileName}</Text>
        <ActionBar
          actions={['recalculate']}
          busy={s.busy === 'recalculate' ? 'recalculate' : null}
          disabled={s.busy !== null}
          onAction={(a) => void s.run(a)}
          hints={{ recalculate: 'Rate every measure again, with the rules as saved in the Rules panel' }}
          primary={null}
        />
        <Button
          appearance="primary"
          disabled={s.busy !== null || downloading || s.rows.length === 0}
          icon={downloading ? <Spinner size="tiny" aria-hidden="true" /> : undefined}
          onClick={() => void download()}
        >
          {downloading ? 'Preparing the download…' : 'Download rated workbook'}
        </Button>
      </div>
      <ProgressLine what={s.busy === 'recalculate' ? 'Rating the workbook' : s.busy === 'rules' ? 'Saving the rules' : null} progress={s.progress} />
      <ResultLine text={s.result} />
      <Problems error={s.error ?? downloadError} errorTitle="Nothing was rated" warnings={s.warnings} onDismissError={s.dismissError} />
      <SessionLayout
        selection={s.selection}
        detail={
          <ChosenRowExplanation
            state={s}
            onFlag={setFlagRef}
            rateHint="The reasons appear once the workbook is rated."
            selectHint="Choose a row in the table or a red flag to see why it has its status."
          />
        }
        rows={(fill) => (
          <div id="rated-rows" tabIndex={-1} className={styles.target}>
            {s.rows.length > 0 && <RatedRowsTable rows={s.rows} selection={s.selection} symbols={symbols} dotSymbols={dotSymbols} onSelect={s.selectRow} fill={fill} />}
          </div>
        )}
        first={
          <>
            <Card className={styles.card}>
              <Subtitle2 as="h2" className={styles.heading}>
                Summary
              </Subtitle2>
              {s.summary ? <SummaryPanel summary={s.summary} symbols={symbols} dotSymbols={dotSymbols} /> : <Text>The counts appear once the workbook is rated.</Text>}
            </Card>
            <Card className={styles.card}>
              <Subtitle2 as="h2" className={styles.heading}>
                Red flags{s.redFlags ? ` (${s.redFlags.length})` : ''}
              </Subtitle2>
              <ScorecardRedFlags state={s} onFlag={setFlagRef} emptyHint="The red flags appear once the workbook is rated." />
            </Card>
          </>
        }
        then={
          <>
            <Card className={styles.card}>
              <Subtitle2 as="h2" className={styles.heading}>
                Flags for the clinic ({s.flags.length})
              </Subtitle2>
              <ScorecardClinicFlags state={s} onFlag={setFlagRef} />
            </Card>
            <Accordion collapsible>
              <AccordionItem value="rules">
                <AccordionHeader as="h2">Rules</AccordionHeader>
                <AccordionPanel>
                  <RulesPanel view={s.rules} busy={s.busy !== null} onSave={saveRules} ratedWith={s.ratedWith} onRecalculate={() => s.run('recalculate')} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </>
        }
      />
      <FlagDialog flagRef={flagRef} busy={s.busy !== null} onClose={() => setFlagRef(null)} onSubmit={addFlag} />
    </StatusWordsContext.Provider>
  );
}
