/**
 * The rated rows as a table in a scroll region of its own: the header stays in view, only the rows in view
 * are drawn, and a row's reason, cut to two lines, opens in full on demand.
 */
import { Button, Link, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { DotKey, StatusKey } from '../../engine/types';
import type { RatedRowView } from '../../app/host';
import { DotLabel, StatusLabel } from '../../ui/components/StatusLabel';
import { useRevealChosen, useWindowedRows } from '../../ui/useWindowedRows';
import type { RowLine, RowListProps } from './RatedRowsTable';

/** A reason longer than this may not fit in two lines: its row offers to open it. */
const LONG_REASON = 90;

const useStyles = makeStyles({
  scroll: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: 'min(70vh, 640px)',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  fill: { maxHeight: 'none', flexGrow: 1, minHeight: '240px' },
  table: { borderCollapse: 'separate', borderSpacing: 0, width: '100%', minWidth: '720px', tableLayout: 'fixed', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  th: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    backgroundColor: tokens.colorNeutralBackground3,
    position: 'sticky',
    top: 0,
    zIndex: 1,
    whiteSpace: 'nowrap',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, verticalAlign: 'top', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, overflow: 'hidden' },
  group: {
    textAlign: 'left',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  row: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover } },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  ref: { whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold, textOverflow: 'ellipsis' },
  clamp: { display: '-webkit-box', WebkitLineClamp: '2', WebkitBoxOrient: 'vertical', overflow: 'hidden', overflowWrap: 'anywhere' },
  whyCell: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'flex-start' },
  whyText: { flexGrow: 1, minWidth: 0, overflowWrap: 'anywhere' },
  more: { flexShrink: 0, minWidth: 'auto', padding: `0 ${tokens.spacingHorizontalXS}`, fontSize: tokens.fontSizeBase200 },
  spacer: { padding: 0, border: 0 },
});

const COLUMNS: { name: string; width: string }[] = [
  { name: 'Row', width: '4.5em' },
  { name: 'Ref', width: '6em' },
  { name: 'Measure', width: '28%' },
  { name: 'Status', width: '10.5em' },
  { name: 'Direction', width: '9.5em' },
  { name: 'Why', width: 'auto' },
];

interface RowProps {
  row: RatedRowView;
  chosen: boolean;
  open: boolean;
  manySheets: boolean;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
  onSelect: (sheet: string, row: number) => void;
  onToggle: (key: string) => void;
  rowKey: string;
  /** The row's place in the whole table, the header being 1: only some rows are drawn. */
  rowIndex: number;
  measureRef: (el: HTMLElement | null) => void;
}

const Row = React.memo(function Row({ row: r, chosen, open, manySheets, symbols, dotSymbols, onSelect, onToggle, rowKey, rowIndex, measureRef }: RowProps): React.JSX.Element {
  const styles = useStyles();
  const name = r.ref || `row ${r.row}`;
  return (
    <tr
      ref={measureRef}
      data-row={r.row}
      aria-rowindex={rowIndex}
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
          }}
          aria-label={`Explain ${name}`}
        >
          {r.ref || '—'}
        </Link>
      </td>
      <td className={styles.td}>
        <span className={styles.clamp}>{r.measure}</span>
      </td>
      <td className={styles.td}>
        <StatusLabel status={r.status} symbol={symbols[r.status]} words={r.statusWords} />
      </td>
      <td className={styles.td}>
        <DotLabel dot={r.dot} symbol={dotSymbols[r.dot]} written={r.dotWritten} />
      </td>
      <td className={styles.td}>
        <div className={styles.whyCell}>
          <span className={open ? styles.whyText : mergeClasses(styles.whyText, styles.clamp)}>{r.explanation}</span>
          {r.explanation.length > LONG_REASON && (
            <Button
              className={styles.more}
              size="small"
              appearance="transparent"
              aria-expanded={open}
              aria-label={`${open ? 'Shorten' : 'Show'} the whole reason for ${name}`}
              onClick={(e) => {
                e.stopPropagation();
                onToggle(rowKey);
              }}
            >
              {open ? 'Less' : 'More'}
            </Button>
          )}
        </div>
      </td>
    </tr>
  );
});

export function RatedRowsGrid({ lines, chosenKey, symbols, dotSymbols, onSelect, manySheets, fill }: RowListProps): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const body = React.useRef<HTMLTableSectionElement>(null);
  const [opened, setOpened] = React.useState<ReadonlySet<string>>(() => new Set());
  const keys = React.useMemo(() => lines.map((l) => l.key), [lines]);
  const win = useWindowedRows({ keys, estimate: 41, scroller, body });
  const toggle = React.useCallback((key: string) => {
    setOpened((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }, []);
  const columns = manySheets ? [{ name: 'Sheet', width: '7em' }, ...COLUMNS] : COLUMNS;

  // A row chosen elsewhere (a red flag) is scrolled into the region's view, not the page's.
  useRevealChosen(chosenKey, keys, win.reveal);

  const drawn: RowLine[] = lines.slice(win.start, win.end);
  return (
    <div ref={scroller} className={mergeClasses(styles.scroll, fill && styles.fill)} role="region" aria-label="Rated rows, scrolls on its own" tabIndex={0} data-scroll-region="">
      <table className={styles.table} aria-label="Rated rows" aria-rowcount={lines.length + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.name} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.name} scope="col" className={styles.th}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody ref={body}>
          {win.before > 0 && (
            <tr aria-hidden="true">
              <td className={styles.spacer} colSpan={columns.length} style={{ height: win.before }} />
            </tr>
          )}
          {drawn.map((l, i) =>
            l.kind === 'group' ? (
              <tr key={l.key} ref={win.measure(l.key)} aria-rowindex={win.start + i + 2}>
                <th scope="colgroup" colSpan={columns.length} className={styles.group}>
                  {l.label} ({l.count.toLocaleString('en-GB')})
                </th>
              </tr>
            ) : (
              <Row
                key={l.key}
                row={l.item}
                rowKey={l.key}
                rowIndex={win.start + i + 2}
                chosen={l.key === chosenKey}
                open={opened.has(l.key)}
                manySheets={manySheets}
                symbols={symbols}
                dotSymbols={dotSymbols}
                onSelect={onSelect}
                onToggle={toggle}
                measureRef={win.measure(l.key)}
              />
            ),
          )}
          {win.after > 0 && (
            <tr aria-hidden="true">
              <td className={styles.spacer} colSpan={columns.length} style={{ height: win.after }} />
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
