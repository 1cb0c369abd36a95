import { Field, Input, Link, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { STATUS_KEYS, STATUS_LABELS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';
import { DotLabel, StatusLabel } from '../../ui/components/StatusLabel';
import type { RatedRowView, SelectedRow } from '../../app/host';

/** More rows than this make the page slow to draw and no easier to read: the filters narrow them down. */
export const MAX_SHOWN = 500;

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  scroll: { overflowX: 'auto', border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
    whiteSpace: 'nowrap',
  },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top', borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  row: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  selected: { backgroundColor: tokens.colorBrandBackground2, ':hover': { backgroundColor: tokens.colorBrandBackground2Hover } },
  ref: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  measure: { minWidth: '14em' },
  why: {
    minWidth: '18em',
    display: '-webkit-box',
    WebkitLineClamp: '2',
    WebkitBoxOrient: 'vertical',
    overflow: 'hidden',
  },
});

export interface RatedRowsTableProps {
  rows: readonly RatedRowView[];
  selection: SelectedRow | null;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  onSelect: (sheet: string, row: number) => void;
}

function matches(r: RatedRowView, text: string): boolean {
  if (!text) return true;
  const t = text.toLowerCase();
  return r.ref.toLowerCase().includes(t) || r.measure.toLowerCase().includes(t) || r.explanation.toLowerCase().includes(t);
}

/** Every rated row, filterable by status and text; choosing one explains it. */
export function RatedRowsTable({ rows, selection, symbols, dotSymbols, onSelect }: RatedRowsTableProps): React.JSX.Element {
  const styles = useStyles();
  const [status, setStatus] = React.useState<StatusKey | ''>('');
  const [text, setText] = React.useState('');
  const selectedRef = React.useRef<HTMLTableRowElement>(null);
  const counts = React.useMemo(() => {
    const c = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
    for (const r of rows) c[r.status]++;
    return c;
  }, [rows]);
  const filtered = rows.filter((r) => (status === '' || r.status === status) && matches(r, text.trim()));
  const shown = filtered.slice(0, MAX_SHOWN);
  const manySheets = new Set(rows.map((r) => r.sheet)).size > 1;
  const isSelected = (r: RatedRowView): boolean => selection !== null && selection.sheet.toLowerCase() === r.sheet.toLowerCase() && selection.row === r.row;

  // A red flag chosen elsewhere brings its row into view.
  React.useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selection]);

  return (
    <div className={styles.wrap}>
      <div className={styles.filters}>
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value as StatusKey | '')}>
            <option value="">All statuses ({rows.length.toLocaleString('en-GB')})</option>
            {STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => (
              <option key={k} value={k}>
                {STATUS_LABELS[k]} ({counts[k].toLocaleString('en-GB')})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Find">
          <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="Ref, measure or reason" />
        </Field>
      </div>
      <Text size={200} role="status">
        {filtered.length === rows.length ? `${rows.length.toLocaleString('en-GB')} rated rows` : `${filtered.length.toLocaleString('en-GB')} of ${rows.length.toLocaleString('en-GB')} rated rows`}
        {filtered.length > MAX_SHOWN ? `: the first ${MAX_SHOWN} are shown, narrow them with the filters.` : '.'}
      </Text>
      <div className={styles.scroll}>
        <table className={styles.table} aria-label="Rated rows">
          <thead>
            <tr>
              {manySheets && (
                <th scope="col" className={styles.th}>
                  Sheet
                </th>
              )}
              <th scope="col" className={styles.th}>
                Row
              </th>
              <th scope="col" className={styles.th}>
                Ref
              </th>
              <th scope="col" className={styles.th}>
                Measure
              </th>
              <th scope="col" className={styles.th}>
                Status
              </th>
              <th scope="col" className={styles.th}>
                Direction
              </th>
              <th scope="col" className={styles.th}>
                Why
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => {
              const chosen = isSelected(r);
              return (
                <tr
                  key={`${r.sheet}!${r.row}`}
                  ref={chosen ? selectedRef : undefined}
                  className={mergeClasses(styles.row, chosen && styles.selected)}
                  aria-current={chosen ? 'true' : undefined}
                  onClick={() => onSelect(r.sheet, r.row)}
                >
                  {manySheets && <td className={styles.td}>{r.sheet}</td>}
                  <td className={styles.td}>{r.row}</td>
                  <td className={mergeClasses(styles.td, styles.ref)}>
                    {/* The keyboard's way in: the row itself takes clicks, the ref takes Enter. */}
                    <Link
                      as="button"
                      onClick={(e) => {
                        e.stopPropagation();
                        onSelect(r.sheet, r.row);
                      }} aria-label={`Explain ${r.ref || `row ${r.row}`}`}>
                      {r.ref || '—'}
                    </Link>
                  </td>
                  <td className={mergeClasses(styles.td, styles.measure)}>{r.measure}</td>
                  <td className={styles.td}>
                    <StatusLabel status={r.status} symbol={symbols[r.status]} />
                  </td>
                  <td className={styles.td}>
                    <DotLabel dot={r.dot} symbol={dotSymbols[r.dot]} />
                  </td>
                  <td className={styles.td}>
                    <span className={styles.why}>{r.explanation}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
