/**
 * Every rated row, filtered by status and Find, in sheet order or grouped by priority or status; choosing
 * one explains it. A wide screen gets a table (its header stays in view, a row's reason opens in full);
 * at task-pane width a compact list of ref, status and direction. Either draws only the rows in view.
 */
import { Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { STATUS_KEYS, STATUS_LABELS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';
import { FindIndex } from '../../app/findIndex';
import type { RatedRowView, SelectedRow } from '../../app/host';
import { rowKey } from '../../app/ratedRows';
import { groupRows, LIST_ORDER_LABELS, LIST_ORDERS, listItems } from '../../app/rowOrder';
import type { ListItem, ListOrder } from '../../app/rowOrder';
import { PANE_WIDTH_QUERY, useMediaQuery } from '../../ui/useMediaQuery';
import { RatedRowsCompact } from './RatedRowsCompact';
import { RatedRowsGrid } from './RatedRowsGrid';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0, minHeight: 0 },
  fill: { flexGrow: 1 },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, '& > *': { flexGrow: 1, minWidth: '9em' } },
});

export interface RatedRowsTableProps {
  rows: readonly RatedRowView[];
  selection: SelectedRow | null;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  onSelect: (sheet: string, row: number) => void;
  /** The table fills its parent's height (a column of the page) rather than taking a height of its own. */
  fill?: boolean;
}

export type RowLine = ListItem<RatedRowView>;

export interface RowListProps {
  lines: readonly RowLine[];
  chosenKey: string | null;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  onSelect: (sheet: string, row: number) => void;
  manySheets: boolean;
  fill: boolean;
}

const keyOf = (r: RatedRowView): string => rowKey(r.sheet, r.row);

export function RatedRowsTable({ rows, selection, symbols, dotSymbols, onSelect, fill = false }: RatedRowsTableProps): React.JSX.Element {
  const styles = useStyles();
  const compact = useMediaQuery(PANE_WIDTH_QUERY);
  const [status, setStatus] = React.useState<StatusKey | ''>('');
  const [text, setText] = React.useState('');
  const [order, setOrder] = React.useState<ListOrder>('sheet');
  const counts = React.useMemo(() => {
    const c = Object.fromEntries(STATUS_KEYS.map((k) => [k, 0])) as Record<StatusKey, number>;
    for (const r of rows) c[r.status]++;
    return c;
  }, [rows]);
  const index = React.useMemo(() => new FindIndex(rows), [rows]);
  const found = React.useMemo(() => index.find(text), [index, text]);
  const filtered = React.useMemo(() => {
    const out: RatedRowView[] = [];
    for (const i of found) if (status === '' || rows[i].status === status) out.push(rows[i]);
    return out;
  }, [found, rows, status]);
  const lines = React.useMemo(() => listItems(groupRows(filtered, order), keyOf), [filtered, order]);
  const manySheets = React.useMemo(() => new Set(rows.map((r) => r.sheet.toLowerCase())).size > 1, [rows]);
  const chosenKey = selection ? rowKey(selection.sheet, selection.row) : null;
  const n = (x: number): string => x.toLocaleString('en-GB');
  const List = compact ? RatedRowsCompact : RatedRowsGrid;

  return (
    <div className={fill ? `${styles.wrap} ${styles.fill}` : styles.wrap}>
      <div className={styles.filters}>
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value as StatusKey | '')}>
            <option value="">All statuses ({n(rows.length)})</option>
            {STATUS_KEYS.filter((k) => counts[k] > 0).map((k) => (
              <option key={k} value={k}>
                {STATUS_LABELS[k]} ({n(counts[k])})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Find">
          <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="Ref, measure or reason" />
        </Field>
        <Field label="Order">
          <Select value={order} onChange={(_, d) => setOrder(d.value as ListOrder)}>
            {LIST_ORDERS.map((o) => (
              <option key={o} value={o}>
                {LIST_ORDER_LABELS[o]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Text size={200} role="status">
        {filtered.length === rows.length ? `${n(rows.length)} rated rows.` : `${n(filtered.length)} of ${n(rows.length)} rated rows.`}
      </Text>
      <List lines={lines} chosenKey={chosenKey} symbols={symbols} dotSymbols={dotSymbols} onSelect={onSelect} manySheets={manySheets} fill={fill} />
    </div>
  );
}
