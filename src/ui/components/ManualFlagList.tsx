import { makeStyles, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { ManualFlagView } from '../../app/host';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  ref: { fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground3 },
  comment: { overflowWrap: 'anywhere' },
});

function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

/** The reviewers' flags in the workbook's Flags sheet, newest last as in the sheet. */
export function ManualFlagList({ flags }: { flags: readonly ManualFlagView[] }): React.JSX.Element {
  const styles = useStyles();
  if (!flags.length) return <Text>No measure is flagged for the clinic yet.</Text>;
  return (
    <ul className={styles.list} aria-label="Flags for the performance clinic">
      {flags.map((f, i) => (
        <li key={i}>
          <Text>
            <span className={styles.ref}>{f.ref}</span> {f.measure}
          </Text>
          <br />
          <Text className={styles.comment}>{f.comment}</Text>
          <br />
          <Text size={200} className={styles.meta}>
            {[f.by, f.at && when(f.at), f.status && `${f.status} when flagged`].filter(Boolean).join(' · ')}
          </Text>
        </li>
      ))}
    </ul>
  );
}
