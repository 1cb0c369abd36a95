import { Button, Link, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { StatusKey } from '../../engine/types';
import type { RedFlag } from '../../scorecard/types';
import type { SelectedRow } from '../../app/host';
import { StatusLabel } from './StatusLabel';

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid transparent`,
  },
  selected: { backgroundColor: tokens.colorNeutralBackground1Selected, borderLeftColor: tokens.colorBrandStroke1 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, flexGrow: 1, minWidth: 0 },
  link: { textAlign: 'left' },
  ref: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground3 },
});

export interface RedFlagListProps {
  /** Null until red flags were worked out. */
  flags: readonly RedFlag[] | null;
  symbols: Record<StatusKey, string>;
  selection: SelectedRow | null;
  /** Where to go for a flag's row: selects it in the sheet (or the workbench's table). */
  onSelect: (sheet: string, row: number) => void;
  onFlag: (ref: string) => void;
  /** What to do to get the list, said while there is none. */
  emptyHint: string;
  disabled?: boolean;
}

function valueLine(f: RedFlag): string {
  const now = f.value ? `${f.value}${f.period ? ` in ${f.period}` : ''}` : f.period ?? '';
  const before = f.previousValue ? `${f.previousValue}${f.previousPeriod ? ` in ${f.previousPeriod}` : ''}` : f.previousPeriod ?? '';
  return [now, before && `was ${before}`].filter(Boolean).join('; ');
}

/** Measures off target this period and the previous one; each goes to its row and can be flagged for the clinic. */
export function RedFlagList({ flags, symbols, selection, onSelect, onFlag, emptyHint, disabled }: RedFlagListProps): React.JSX.Element {
  const styles = useStyles();
  if (flags === null) return <Text>{emptyHint}</Text>;
  if (!flags.length) return <Text>No measure is off target in this period and the previous one.</Text>;
  return (
    <ul className={styles.list} aria-label="Red flags">
      {flags.map((f) => {
        const name = f.ref || `Row ${f.row}`;
        const isSelected = selection !== null && selection.sheet.toLowerCase() === f.sheet.toLowerCase() && selection.row === f.row;
        return (
          <li key={`${f.sheet}!${f.row}`} className={mergeClasses(styles.item, isSelected && styles.selected)}>
            <div className={styles.body}>
              <Link as="button" className={styles.link} onClick={() => onSelect(f.sheet, f.row)} aria-current={isSelected ? 'true' : undefined}>
                <span className={styles.ref}>{name}</span> {f.measure}
              </Link>
              <span>
                <StatusLabel status={f.status} symbol={symbols[f.status]} />{' '}
                <Text size={200} className={styles.detail}>
                  {valueLine(f)}
                  {f.leadOfficer ? ` · ${f.leadOfficer}` : ''}
                </Text>
              </span>
            </div>
            <Button size="small" disabled={disabled} onClick={() => onFlag(f.ref)} aria-label={`Flag ${name} for the performance clinic`}>
              Flag
            </Button>
          </li>
        );
      })}
    </ul>
  );
}
