import { Button, makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

export type Action = 'recalculate' | 'summary' | 'redFlags' | 'undo';

export const ACTION_LABELS: Record<Action, string> = {
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
  /** The buttons to show, in order: a host without Undo has no Undo button. */
  actions: readonly Action[];
  /** The action running, if it is one of these. */
  busy: Action | null;
  /** True while any operation runs. */
  disabled: boolean;
  onAction: (action: Action) => void;
  /** Overrides a button's hint, where a host does it differently (the workbench rates in the browser). */
  hints?: Partial<Record<Action, string>>;
  /** The one button drawn as the page's main action; none when the page has another (the workbench's download). */
  primary?: Action | null;
}

/** The operation buttons; all wait while one operation runs, since the host runs them one at a time anyway. */
export function ActionBar({ actions, busy, disabled, onAction, hints, primary = 'recalculate' }: ActionBarProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <div className={styles.bar} role="group" aria-label="Scorecard actions">
      {actions.map((a) => (
        <Button key={a} appearance={a === primary ? 'primary' : 'secondary'} disabled={disabled} title={hints?.[a] ?? HINTS[a]} onClick={() => onAction(a)}>
          {busy === a ? `${ACTION_LABELS[a]}…` : ACTION_LABELS[a]}
        </Button>
      ))}
    </div>
  );
}
