/**
 * The detail of the chosen row beside (or above) the lists: its heading and the explanation panel. At
 * task-pane width it sticks to the top of the view while a row is chosen, so the reason of a red flag
 * chosen far down the page is on screen at once; it scrolls on its own when taller than its share of the
 * view, and can be put away until the next choice.
 */
import { Button, makeStyles, mergeClasses, Subtitle2, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { SelectedRow } from '../../app/host';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  pinned: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    maxHeight: '45vh',
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground1,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    margin: `0 calc(-1 * ${tokens.spacingHorizontalM})`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    boxShadow: tokens.shadow8,
  },
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  heading: { margin: 0 },
});

export interface DetailPanelProps {
  selection: SelectedRow | null;
  /** Sticks to the top of the view while something is chosen (task-pane width). */
  stick: boolean;
  headingId: string;
  children: React.ReactNode;
  className?: string;
}

export function DetailPanel({ selection, stick, headingId, children, className }: DetailPanelProps): React.JSX.Element | null {
  const styles = useStyles();
  const [closed, setClosed] = React.useState<SelectedRow | null>(null);
  const pinned = stick && selection !== null;
  // Put away until another row is chosen.
  if (pinned && closed === selection) return null;
  return (
    <section className={mergeClasses(styles.panel, pinned && styles.pinned, className)} aria-labelledby={headingId} data-scroll-region={pinned ? '' : undefined}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={headingId} className={styles.heading}>
          Selected row
        </Subtitle2>
        {pinned && (
          <Button size="small" appearance="subtle" aria-label="Close the selected row" onClick={() => setClosed(selection)}>
            Close
          </Button>
        )}
      </div>
      {children}
    </section>
  );
}
