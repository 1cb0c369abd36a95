import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { DotKey, StatusKey } from '../../engine/types';
import type { RatedRowView, SelectedRow } from '../../app/host';
import { trendLine } from '../../app/trendLine';
import { Sparkline } from './Sparkline';
import { DotLabel, StatusLabel } from './StatusLabel';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  title: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  ref: { fontWeight: tokens.fontWeightSemibold },
  labels: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'baseline' },
  explanation: { overflowWrap: 'anywhere' },
  note: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export interface ExplanationPanelProps {
  selection: SelectedRow | null;
  /** The selected row when it is a rated measure row. */
  row: RatedRowView | undefined;
  /** Whether anything was rated yet: until then there is nothing to explain. */
  rated: boolean;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  onFlag: (ref: string) => void;
  /** What to do to get ratings, said while there are none. */
  rateHint: string;
  /** What to do to pick a row, said while none is picked. */
  selectHint: string;
  disabled?: boolean;
}

/**
 * Why the selected row has its status: the engine's one-line explanation, with the status and direction of
 * travel in words. Announced politely as the selection moves, so a screen reader follows it.
 */
export function ExplanationPanel({ selection, row, rated, symbols, dotSymbols, onFlag, rateHint, selectHint, disabled }: ExplanationPanelProps): React.JSX.Element {
  const styles = useStyles();
  // Read from the row's cells only now, for this one row.
  const trend = React.useMemo(() => (row?.history ? trendLine(row.history) : null), [row]);
  let body: React.ReactNode;
  if (!rated) body = <Text>{rateHint}</Text>;
  else if (!selection) body = <Text>{selectHint}</Text>;
  else if (!row) {
    body = (
      <Text>
        Row {selection.row} of &quot;{selection.sheet}&quot; is not a rated measure row. {selectHint}
      </Text>
    );
  } else {
    const name = row.ref || `Row ${row.row}`;
    body = (
      <>
        <div className={styles.title}>
          <Text>
            <span className={styles.ref}>{name}</span> {row.measure}
          </Text>
          <Text size={200} className={styles.note}>
            {row.sheet}, row {row.row}
          </Text>
        </div>
        <div className={styles.labels}>
          <StatusLabel status={row.status} symbol={symbols[row.status]} words={row.statusWords} />
          <Text size={200}>
            Direction of travel: <DotLabel dot={row.dot} symbol={dotSymbols[row.dot]} written={row.dotWritten} />
          </Text>
        </div>
        <Text className={styles.explanation} data-testid="explanation">
          {row.explanation}
        </Text>
        {trend && <Sparkline line={trend} />}
        {row.override && <Text className={styles.note}>Status set by a manual override: {row.override}</Text>}
        {row.needsReview && <Text className={styles.note}>Needs review: {row.needsReview}</Text>}
        <div className={styles.actions}>
          <Button size="small" disabled={disabled} onClick={() => onFlag(row.ref)} aria-label={`Flag ${name} for the performance clinic`}>
            Flag for the clinic
          </Button>
        </div>
      </>
    );
  }
  return (
    <div className={styles.panel} aria-live="polite">
      {body}
    </div>
  );
}
