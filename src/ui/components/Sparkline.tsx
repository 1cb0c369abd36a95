/**
 * A measure's values over time as a small line, with the target as a dashed line across it: how
 * performance systems show a trend beside a status. Drawn in SVG from the trend line of the chosen row.
 */
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import * as React from 'react';
import type { PeriodKind } from '../../engine/types';
import type { TrendLine } from '../../app/trendLine';

const KIND_WORDS: Record<PeriodKind, string> = { month: 'Monthly', quarter: 'Quarterly', half: 'Half-yearly', year: 'Yearly', term: 'Termly', ytd: 'Year-to-date' };

const WIDTH = 240;
const HEIGHT = 56;
const PAD = 5;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  svg: { maxWidth: '100%', height: 'auto', overflow: 'visible', display: 'block' },
  line: { fill: 'none', stroke: tokens.colorBrandForeground1, strokeWidth: 2, strokeLinejoin: 'round', strokeLinecap: 'round' },
  point: { fill: tokens.colorBrandForeground1 },
  target: { stroke: tokens.colorPaletteRedForeground1, strokeWidth: 1.5, strokeDasharray: '4 3' },
  caption: { color: tokens.colorNeutralForeground3 },
});

/** A value as a short figure: a percentage with its sign, else up to two decimals. */
export function figure(value: number, percent: boolean): string {
  const text = value.toLocaleString('en-GB', { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  return percent ? `${text}%` : text;
}

export function Sparkline({ line }: { line: TrendLine }): React.JSX.Element {
  const styles = useStyles();
  const values = line.points.map((p) => p.value);
  const all = line.target === undefined ? values : [...values, line.target];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const span = hi - lo || Math.abs(hi) || 1;
  const x = (i: number): number => PAD + (i * (WIDTH - 2 * PAD)) / (line.points.length - 1);
  const y = (v: number): number => HEIGHT - PAD - ((v - lo) / span) * (HEIGHT - 2 * PAD);
  const first = line.points[0];
  const last = line.points[line.points.length - 1];
  const target = line.target === undefined ? '' : `; target ${figure(line.target, line.percent)}`;
  const summary = `${KIND_WORDS[line.kind]} values, ${line.points.length} periods: ${first.display} in ${first.label} to ${last.display} in ${last.label}${target}`;
  return (
    <figure className={styles.figure}>
      <svg className={styles.svg} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        <title>{summary}</title>
        {line.target !== undefined && <line className={styles.target} x1={0} x2={WIDTH} y1={y(line.target)} y2={y(line.target)} />}
        <polyline className={styles.line} points={line.points.map((p, i) => `${x(i)},${y(p.value)}`).join(' ')} />
        {line.points.map((p, i) => (
          <circle key={i} className={styles.point} cx={x(i)} cy={y(p.value)} r={i === line.points.length - 1 ? 3.5 : 2} />
        ))}
      </svg>
      <Text size={200} className={styles.caption} aria-hidden="true">
        {KIND_WORDS[line.kind]}: {first.display} in {first.label} to {last.display} in {last.label}
        {line.target === undefined ? '' : ` · dashed line: target ${figure(line.target, line.percent)}`}
      </Text>
    </figure>
  );
}
