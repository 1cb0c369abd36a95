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
  Subtitle2,
  Text,
  Title2,
  tokens,
} from '@fluentui/react-components';
import * as React from 'react';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS } from '../engine/rules';
import { ActionBar } from '../ui/components/ActionBar';
import { ExplanationPanel } from '../ui/components/ExplanationPanel';
import { FlagDialog } from '../ui/components/FlagDialog';
import { ManualFlagList } from '../ui/components/ManualFlagList';
import { Problems } from '../ui/components/Problems';
import { ProgressLine } from '../ui/components/ProgressLine';
import { RedFlagList } from '../ui/components/RedFlagList';
import { ResultLine } from '../ui/components/ResultLine';
import { RulesPanel } from '../ui/components/RulesPanel';
import { SummaryPanel } from '../ui/components/SummaryPanel';
import { fluentTheme } from '../ui/theme';
import type { ThemeKind } from '../app/theme';
import { errorMessage, useScorecard } from '../ui/useScorecard';
import { OpenFile } from './components/OpenFile';
import { RatedRowsTable } from './components/RatedRowsTable';
import { SessionLayout } from './components/SessionLayout';
import { saveFile } from './download';
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
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  file: { fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** Follows the system's light or dark setting, as the task pane follows Office's. */
function useSystemTheme(): ThemeKind {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return undefined;
    const change = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, [query]);
  return dark ? 'dark' : 'light';
}

export function WorkbenchApp(): React.JSX.Element {
  const styles = useStyles();
  const theme = useSystemTheme();
  const [session, setSession] = React.useState<{ host: WorkbenchHost; id: number } | null>(null);
  const [opening, setOpening] = React.useState<string | null>(null);
  const [openError, setOpenError] = React.useState<string | null>(null);

  const open = async (file: File): Promise<void> => {
    setOpening(file.name);
    setOpenError(null);
    try {
      const host = await WorkbenchHost.open(new Uint8Array(await file.arrayBuffer()), file.name);
      setSession((s) => ({ host, id: (s?.id ?? 0) + 1 }));
    } catch (e) {
      setOpenError(errorMessage(e));
    } finally {
      setOpening(null);
    }
  };

  return (
    <FluentProvider theme={fluentTheme(theme)}>
      <div className={styles.page}>
        <header className={styles.header}>
          <Title2 as="h1">Scorecard workbench</Title2>
          <Text>
            Rate a council performance scorecard: every measure gets its status, direction of travel and a one-line reason, with the summary and
            the red flags. The workbook is read and rated in this browser tab; nothing is sent anywhere.
          </Text>
        </header>
        <OpenFile onFile={(f) => void open(f)} opening={opening} compact={session !== null} />
        {openError && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>This file cannot be rated</MessageBarTitle>
              {openError}
            </MessageBarBody>
          </MessageBar>
        )}
        {session && <Session key={session.id} host={session.host} />}
      </div>
    </FluentProvider>
  );
}

/** One opened workbook: rated as soon as it opens, then whatever the user does with it. */
function Session({ host }: { host: WorkbenchHost }): React.JSX.Element {
  const styles = useStyles();
  const s = useScorecard(host);
  const [flagRef, setFlagRef] = React.useState<string | null>(null);
  const [downloading, setDownloading] = React.useState(false);
  const [downloadError, setDownloadError] = React.useState<string | null>(null);
  const symbols = s.ratedWith?.symbols ?? s.rules?.rules.symbols ?? DEFAULT_SYMBOLS;
  const dotSymbols = s.ratedWith?.dotSymbols ?? s.rules?.rules.dotSymbols ?? DEFAULT_DOT_SYMBOLS;

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
    } catch (e) {
      setDownloadError(`The rated workbook could not be made: ${errorMessage(e)}. Try Recalculate, then download again.`);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
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
        <Button appearance="primary" disabled={s.busy !== null || downloading || s.rows.length === 0} onClick={() => void download()}>
          {downloading ? 'Preparing the download…' : 'Download rated workbook'}
        </Button>
      </div>
      <ProgressLine what={s.busy === 'recalculate' ? 'Rating the workbook' : s.busy === 'rules' ? 'Saving the rules' : null} progress={s.progress} />
      <ResultLine text={s.result} />
      <Problems error={s.error ?? downloadError} errorTitle="Nothing was rated" warnings={s.warnings} onDismissError={s.dismissError} />
      <SessionLayout
        selection={s.selection}
        detail={
          <ExplanationPanel
            selection={s.selection}
            row={s.selected}
            rated={s.rows.length > 0}
            symbols={symbols}
            dotSymbols={dotSymbols}
            onFlag={setFlagRef}
            disabled={s.busy !== null}
            rateHint="The reasons appear once the workbook is rated."
            selectHint="Choose a row in the table or a red flag to see why it has its status."
          />
        }
        rows={(fill) =>
          s.rows.length > 0 && <RatedRowsTable rows={s.rows} selection={s.selection} symbols={symbols} dotSymbols={dotSymbols} onSelect={s.selectRow} fill={fill} />
        }
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
              <RedFlagList
                flags={s.redFlags}
                symbols={symbols}
                selection={s.selection}
                onSelect={s.selectRow}
                onFlag={setFlagRef}
                disabled={s.busy !== null}
                emptyHint="The red flags appear once the workbook is rated."
              />
            </Card>
          </>
        }
        then={
          <>
            <Card className={styles.card}>
              <Subtitle2 as="h2" className={styles.heading}>
                Flags for the clinic ({s.flags.length})
              </Subtitle2>
              <ManualFlagList flags={s.flags} />
              <div>
                <Button disabled={s.busy !== null} onClick={() => setFlagRef(s.selected?.ref ?? '')}>
                  Flag a measure…
                </Button>
              </div>
            </Card>
            <Accordion collapsible>
              <AccordionItem value="rules">
                <AccordionHeader as="h2">Rules</AccordionHeader>
                <AccordionPanel>
                  <RulesPanel view={s.rules} busy={s.busy !== null} onSave={s.saveRules} ratedWith={s.ratedWith} />
                </AccordionPanel>
              </AccordionItem>
            </Accordion>
          </>
        }
      />
      <FlagDialog flagRef={flagRef} busy={s.busy !== null} onClose={() => setFlagRef(null)} onSubmit={s.addFlag} />
    </>
  );
}
