import { Field, makeStyles, mergeClasses, Select, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { CountShare, StatusTable, Summary } from '../../engine/summarise';
import { DOT_KEYS, STATUS_KEYS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';
import { DOT_BAR_COLOURS, STATUS_BAR_COLOURS } from './ChartColours';
import { ShareBar } from './ShareBar';
import { DotLabel, StatusLabel, StatusWordsContext } from './StatusLabel';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  // A native select is as wide as its longest option (priority names run long): it takes the panel's width instead.
  scope: { minWidth: 0, maxWidth: '100%' },
  scopeSelect: { minWidth: 0, width: '100%', textOverflow: 'ellipsis' },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
  th: { textAlign: 'left', fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3, padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  num: { textAlign: 'right', padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' },
  label: { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}` },
  bar: { width: '30%', minWidth: '48px', padding: `0 ${tokens.spacingHorizontalXS}` },
  total: { fontWeight: tokens.fontWeightSemibold, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

interface ShareRow<K extends string> {
  key: K;
  label: React.ReactNode;
  share: CountShare;
  colour: string;
}

function ShareTable<K extends string>({ caption, what, rows, total }: { caption: string; what: string; rows: ShareRow<K>[]; total: number }): React.JSX.Element {
  const styles = useStyles();
  const shown = Math.round(rows.reduce((a, r) => a + r.share.percent, 0) * 10) / 10;
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" className={styles.th}>
            {what}
          </th>
          <th scope="col" className={mergeClasses(styles.th, styles.num)}>
            Measures
          </th>
          <th scope="col" className={mergeClasses(styles.th, styles.num)}>
            %
          </th>
          <th scope="col" className={styles.th}>
            <span aria-hidden="true">Chart</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row" className={styles.label}>
              {r.label}
            </th>
            <td className={styles.num}>{r.share.count.toLocaleString('en-GB')}</td>
            <td className={styles.num}>{r.share.percent.toFixed(1)}</td>
            <td className={styles.bar}>
              <ShareBar percent={r.share.percent} colour={r.colour} />
            </td>
          </tr>
        ))}
        <tr className={styles.total}>
          <th scope="row" className={styles.label}>
            Total
          </th>
          <td className={styles.num}>{total.toLocaleString('en-GB')}</td>
          <td className={styles.num}>{total > 0 ? shown.toFixed(1) : '0.0'}</td>
          <td />
        </tr>
        {total > 0 && shown !== 100 && (
          <tr>
            <td colSpan={4} className={styles.label}>
              Percentages are rounded and equal counts show equal shares, so they add up to {shown.toFixed(1)}.
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

export interface SummaryPanelProps {
  summary: Summary;
  symbols: Record<StatusKey, string>;
  dotSymbols: Record<DotKey, string>;
}

const ALL = '';

/**
 * The Summary sheet in brief: status and direction-of-travel counts with percentages that add up to 100.0
 * and a bar for each, over all measures or one priority.
 */
export function SummaryPanel({ summary, symbols, dotSymbols }: SummaryPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [scope, setScope] = React.useState(ALL);
  const words = React.useContext(StatusWordsContext);
  const table: StatusTable = summary.byPriority.find((p) => p.priority === scope) ?? summary;
  const scopeName = scope === ALL ? 'all measures' : scope;
  const met = table.rated.statuses['on-target'].count + table.rated.statuses.satisfactory.count;
  const metPercent = table.rated.statuses['on-target'].percent + table.rated.statuses.satisfactory.percent;
  // Increase and decrease (no polarity) count as not applicable in the summary, so they are shown only if used.
  const dots = DOT_KEYS.filter((k) => (k !== 'increase' && k !== 'decrease') || table.dot[k].count > 0);
  return (
    <div className={styles.panel}>
      {summary.byPriority.length > 1 && (
        <Field label="Show" className={styles.scope}>
          <Select className={styles.scope} select={{ className: styles.scopeSelect }} value={scope} onChange={(_, d) => setScope(d.value)}>
            <option value={ALL}>All measures</option>
            {summary.byPriority.map((p) => (
              <option key={p.priority} value={p.priority}>
                {p.priority}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <ShareTable
        caption={`Overall status: ${scopeName}`}
        what="Status"
        total={table.total}
        rows={STATUS_KEYS.map((k) => ({ key: k, label: <StatusLabel status={k} symbol={symbols[k]} />, share: table.statuses[k], colour: STATUS_BAR_COLOURS[k] }))}
      />
      <Text size={200}>
        {table.rated.total > 0
          ? `Of the ${table.rated.total.toLocaleString('en-GB')} measures with data and a target, ${met.toLocaleString('en-GB')} (${metPercent.toFixed(1)}%) are ${(words['on-target'] ?? 'on target').toLowerCase()} or ${(words.satisfactory ?? 'satisfactory').toLowerCase()}.`
          : 'No measure has both data and a target.'}
      </Text>
      <ShareTable
        caption={`Direction of travel: ${scopeName}`}
        what="Direction"
        total={table.total}
        rows={dots.map((k) => ({ key: k, label: <DotLabel dot={k} symbol={dotSymbols[k]} />, share: table.dot[k], colour: DOT_BAR_COLOURS[k] }))}
      />
    </div>
  );
}
