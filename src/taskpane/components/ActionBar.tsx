import { Button, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

export type Action = 'recalculate' | 'summary' | 'redFlags' | 'undo';

const LABELS: Record<Action, string> = {
  recalculate: 'Recalculate',
  summary: 'Build summary',
  redFlags: 'Red flags',
  undo: 'Undo last recalculation',
};

const HINTS: Record<Action, string> = {
  recalculate: 'Rate every measure on the active sheet: status, direction of travel and a one-line reason',
  summary: 'Rebuild the Summary sheet: counts, percentages, a chart and the report paragraph',
  redFlags: 'Rebuild the Red flags sheet: measures off target this period and the previous one',
  undo: 'Put back exactly the cells the last Recalculate changed',
};

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionBarProps {
  /** The action running, if it is one of these. */
  busy: Action | null;
  /** True while any operation runs. */
  disabled: boolean;
  onAction: (action: Action) => void;
}

/** The four buttons; all wait while one operation runs, since Excel runs them one at a time anyway. */
export function ActionBar({ busy, disabled, onAction }: ActionBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="toolbar" aria-label="Scorecard actions">
      {(Object.keys(LABELS) as Action[]).map((a) => (
        <Button key={a} appearance={a === 'recalculate' ? 'primary' : 'secondary'} disabled={disabled} title={HINTS[a]} onClick={() => onAction(a)}>
          {busy === a ? `${LABELS[a]}…` : LABELS[a]}
        </Button>
      ))}
    </div>
  );
}
