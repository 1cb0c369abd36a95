/**
 * The rated rows at task-pane width: one line each of ref, status and direction (the measure's name below,
 * cut to its width), in a scroll region of its own; choosing one shows its detail.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { DotLabel, StatusLabel } from '../../ui/components/StatusLabel';
import { useRevealChosen, useWindowedRows } from '../../ui/useWindowedRows';
import type { RowListProps } from './RatedRowsTable';
import { STATUS_LABELS, DOT_LABELS } from '../../engine/types';

const useStyles = makeStyles({
  scroll: {
    overflowY: 'auto',
    overflowX: 'hidden',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    maxHeight: 'min(60vh, 480px)',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  fill: { maxHeight: 'none', flexGrow: 1, minHeight: '240px' },
  list: { listStyleType: 'none', margin: 0, padding: 0 },
  group: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS}`,
    backgroundColor: tokens.colorNeutralBackground2,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  button: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: 'none',
    background: 'none',
    textAlign: 'left',
    font: 'inherit',
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground1,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `-${tokens.strokeWidthThick}` },
  },
  chosen: {
    backgroundColor: tokens.colorBrandBackground2,
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}`,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  // A long direction in the sheet's words ("Decline but within limits of target") moves under the status rather than being cut.
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXXS, minWidth: 0 },
  ref: { fontWeight: tokens.fontWeightSemibold, minWidth: '3.5em', overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  dot: { marginLeft: 'auto', minWidth: 0, overflowWrap: 'anywhere' },
  measure: { color: tokens.colorNeutralForeground3, whiteSpace: 'nowrap', overflow: 'hidden', textOverflow: 'ellipsis' },
});

export function RatedRowsCompact({ lines, chosenKey, symbols, dotSymbols, onSelect, fill }: RowListProps): React.JSX.Element {
  const styles = useStyles();
  const scroller = React.useRef<HTMLDivElement>(null);
  const body = React.useRef<HTMLUListElement>(null);
  const keys = React.useMemo(() => lines.map((l) => l.key), [lines]);
  const win = useWindowedRows({ keys, estimate: 46, scroller, body });
  useRevealChosen(chosenKey, keys, win.reveal);

  return (
    <div ref={scroller} className={mergeClasses(styles.scroll, fill && styles.fill)} role="region" aria-label="Rated rows, scrolls on its own" tabIndex={0} data-scroll-region="">
      <ul ref={body} className={styles.list} aria-label="Rated rows">
        {win.before > 0 && <li aria-hidden="true" style={{ height: win.before }} />}
        {lines.slice(win.start, win.end).map((l) => {
          if (l.kind === 'group') {
            return (
              <li key={l.key} ref={win.measure(l.key)} className={styles.group}>
                {l.label} ({l.count.toLocaleString('en-GB')})
              </li>
            );
          }
          const r = l.item;
          const chosen = l.key === chosenKey;
          return (
            <li key={l.key} ref={win.measure(l.key)} className={styles.item} data-row={r.row}>
              <button
                type="button"
                className={mergeClasses(styles.button, chosen && styles.chosen)}
                aria-current={chosen ? 'true' : undefined}
                aria-label={`Explain ${r.ref || `row ${r.row}`}: ${r.measure}, ${r.statusWords ?? STATUS_LABELS[r.status]}, ${r.dotWritten?.words ?? DOT_LABELS[r.dot]}`}
                onClick={() => onSelect(r.sheet, r.row)}
              >
                <span className={styles.line}>
                  <span className={styles.ref}>{r.ref || `Row ${r.row}`}</span>
                  <StatusLabel status={r.status} symbol={symbols[r.status]} words={r.statusWords} />
                  <span className={styles.dot}>
                    <DotLabel dot={r.dot} symbol={dotSymbols[r.dot]} written={r.dotWritten} />
                  </span>
                </span>
                <span className={styles.measure}>{r.measure}</span>
              </button>
            </li>
          );
        })}
        {win.after > 0 && <li aria-hidden="true" style={{ height: win.after }} />}
      </ul>
    </div>
  );
}
