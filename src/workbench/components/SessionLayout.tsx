/**
 * Where a session's parts go. On a laptop: the summary, red flags and the rest in a left column, and a
 * right column that stays in view, the chosen row's detail above the rated rows, which scroll in a region
 * of their own. At task-pane width: one column, the detail sticking to the top while a row is chosen.
 * Either way the reason of whatever was just chosen is on screen.
 */
import { Card, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { SelectedRow } from '../../app/host';
import { DetailPanel } from '../../ui/components/DetailPanel';
import { useMediaQuery } from '../../ui/useMediaQuery';

/** Wide enough for the two columns and a table of rows beside the summary. */
const TWO_COLUMNS_QUERY = '(min-width: 901px)';

const useStyles = makeStyles({
  columns: {
    display: 'grid',
    gridTemplateColumns: 'minmax(300px, 380px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  // The master and detail column: as tall as the view and stuck to its top, so it never scrolls away.
  right: {
    position: 'sticky',
    top: tokens.spacingVerticalL,
    height: `calc(100vh - 2 * ${tokens.spacingVerticalL})`,
    minHeight: '480px',
  },
  detail: { flexShrink: 0, maxHeight: '45%', overflowY: 'auto' },
  rows: { flexGrow: 1, minHeight: 0, display: 'flex', flexDirection: 'column' },
  stack: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
});

export interface SessionLayoutProps {
  selection: SelectedRow | null;
  /** The chosen row's explanation. */
  detail: React.ReactNode;
  /** The rated rows, given whether they fill a column's height. */
  rows: (fill: boolean) => React.ReactNode;
  /** Cards shown first (summary, red flags) and after (clinic flags, rules). */
  first: React.ReactNode;
  then: React.ReactNode;
}

export function SessionLayout({ selection, detail, rows, first, then }: SessionLayoutProps): React.JSX.Element {
  const styles = useStyles();
  const wide = useMediaQuery(TWO_COLUMNS_QUERY);
  if (!wide) {
    return (
      <div className={styles.stack}>
        <DetailPanel selection={selection} stick headingId="selected-row-heading">
          {detail}
        </DetailPanel>
        {first}
        {rows(false)}
        {then}
      </div>
    );
  }
  return (
    <div className={styles.columns}>
      <div className={styles.column}>
        {first}
        {then}
      </div>
      <div className={mergeClasses(styles.column, styles.right)}>
        <Card className={styles.detail} data-scroll-region="">
          <DetailPanel selection={selection} stick={false} headingId="selected-row-heading">
            {detail}
          </DetailPanel>
        </Card>
        <div className={styles.rows}>{rows(true)}</div>
      </div>
    </div>
  );
}
