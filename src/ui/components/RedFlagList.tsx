import { Button, Field, Link, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { StatusKey } from '../../engine/types';
import type { RedFlag } from '../../scorecard/types';
import type { SelectedRow } from '../../app/host';
import { groupRows, LIST_ORDER_LABELS, listItems } from '../../app/rowOrder';
import { rowKey } from '../../app/ratedRows';
import { StatusLabel } from './StatusLabel';

/** Flags shown before "Show all": enough to act on, few enough that the clinic's flags and the rules stay near. */
export const RED_FLAG_CAP = 5;
/** Every red flag is off target, so status would be one group: priority or the sheet's order. */
const FLAG_ORDERS = ['priority', 'sheet'] as const;
type FlagOrder = (typeof FLAG_ORDERS)[number];

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  group: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} 0`, fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  more: { alignSelf: 'flex-start' },
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
  /** How many flags show before "Show all". */
  cap?: number;
}

function valueLine(f: RedFlag): string {
  const now = f.value ? `${f.value}${f.period ? ` in ${f.period}` : ''}` : f.period ?? '';
  const before = f.previousValue ? `${f.previousValue}${f.previousPeriod ? ` in ${f.previousPeriod}` : ''}` : f.previousPeriod ?? '';
  return [now, before && `was ${before}`].filter(Boolean).join('; ');
}

/**
 * Measures off target this period and the previous one, grouped by priority (or in the sheet's order) and
 * capped at a few with "Show all"; each goes to its row and can be flagged for the clinic.
 */
export function RedFlagList({ flags, symbols, selection, onSelect, onFlag, emptyHint, disabled, cap = RED_FLAG_CAP }: RedFlagListProps): React.JSX.Element {
  const styles = useStyles();
  const [order, setOrder] = React.useState<FlagOrder>('priority');
  const [all, setAll] = React.useState(false);
  const lines = React.useMemo(() => listItems(groupRows(flags ?? [], order), (f) => rowKey(f.sheet, f.row)), [flags, order]);
  if (flags === null) return <Text>{emptyHint}</Text>;
  if (!flags.length) return <Text>No measure is off target in this period and the previous one.</Text>;
  const chosen = selection ? rowKey(selection.sheet, selection.row) : null;
  // The first `cap` flags with the headings of their groups.
  let left = all ? Infinity : cap;
  const shown = lines.filter((l) => (l.kind === 'group' ? left > 0 : left-- > 0));
  const capped = flags.length > cap;
  return (
    <div className={styles.wrap}>
      {flags.length > 1 && (
        <div className={styles.bar}>
          <Field label="Show red flags" size="small">
            <Select size="small" value={order} onChange={(_, d) => setOrder(d.value as FlagOrder)}>
              {FLAG_ORDERS.map((o) => (
                <option key={o} value={o}>
                  {LIST_ORDER_LABELS[o]}
                </option>
              ))}
            </Select>
          </Field>
          {capped && (
            <Text size={200}>
              {all ? `All ${flags.length} shown` : `${cap} of ${flags.length} shown`}
            </Text>
          )}
        </div>
      )}
      <ul className={styles.list} aria-label="Red flags">
        {shown.map((l) => {
          if (l.kind === 'group') {
            return (
              <li key={l.key} role="presentation" className={styles.group}>
                {l.label} ({l.count})
              </li>
            );
          }
          const f = l.item;
          const name = f.ref || `Row ${f.row}`;
          const isSelected = l.key === chosen;
          return (
            <li key={l.key} className={mergeClasses(styles.item, isSelected && styles.selected)}>
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
      {capped && (
        <Button className={styles.more} size="small" aria-expanded={all} onClick={() => setAll((a) => !a)}>
          {all ? `Show the first ${cap}` : `Show all (${flags.length})`}
        </Button>
      )}
    </div>
  );
}
