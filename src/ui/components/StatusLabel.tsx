import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import * as React from 'react';
import { DEFAULT_DOT_SYMBOLS, DEFAULT_SYMBOLS, DOT_FONTS, STATUS_FILLS, STATUS_FONTS } from '../../engine/rules';
import { DOT_KEYS, DOT_LABELS, STATUS_KEYS, STATUS_LABELS } from '../../engine/types';
import type { DotKey, StatusKey } from '../../engine/types';

// The sheet's own colours, so the pane and the workbook look alike; always with the symbol and the word.
const statusColours = Object.fromEntries(STATUS_KEYS.map((k) => [k, { backgroundColor: `#${STATUS_FILLS[k]}`, color: `#${STATUS_FONTS[k]}` }])) as Record<StatusKey, { backgroundColor: string; color: string }>;
const dotColours = Object.fromEntries(DOT_KEYS.map((k) => [k, { color: `#${DOT_FONTS[k]}` }])) as Record<DotKey, { color: string }>;

const useStatusStyles = makeStyles({
  badge: {
    display: 'inline-flex',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
  },
  ...statusColours,
});

const useDotStyles = makeStyles({
  dot: { whiteSpace: 'nowrap' },
  // The arrow sits on a light pill of its own so its colour reads on light and dark themes alike.
  symbol: {
    fontWeight: tokens.fontWeightBold,
    backgroundColor: '#F5F5F5',
    borderRadius: tokens.borderRadiusMedium,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  ...dotColours,
});

/**
 * The words the rated workbook uses for its statuses where they are not the pane's own (Green, Amber, Red
 * on a RAG scorecard): every status label under it speaks the sheet's words.
 */
export const StatusWordsContext = React.createContext<Partial<Record<StatusKey, string>>>({});

export interface StatusLabelProps {
  status: StatusKey;
  /** The workbook's symbol for the status; the default key's otherwise. */
  symbol?: string;
  /** The row's status as the sheet writes it in words, when it does. */
  words?: string;
  className?: string;
}

/** A status as symbol and word on its colour: never colour alone. The symbol is decoration for screen readers. */
export function StatusLabel({ status, symbol, words, className }: StatusLabelProps): React.JSX.Element {
  const styles = useStatusStyles();
  const sheetWords = React.useContext(StatusWordsContext);
  return (
    <span className={mergeClasses(styles.badge, styles[status], className)}>
      <span aria-hidden="true">{symbol ?? DEFAULT_SYMBOLS[status]}</span>
      <span>{words ?? sheetWords[status] ?? STATUS_LABELS[status]}</span>
    </span>
  );
}

export interface DotLabelProps {
  dot: DotKey;
  symbol?: string;
  /** The direction as the sheet writes it, when that is words (the eight states of a monthly RAG scorecard). */
  written?: { symbol: string; words: string };
}

/** A direction of travel as arrow and word. */
export function DotLabel({ dot, symbol, written }: DotLabelProps): React.JSX.Element {
  const styles = useDotStyles();
  const mark = written ? written.symbol : (symbol ?? DEFAULT_DOT_SYMBOLS[dot]);
  return (
    <span className={styles.dot}>
      {mark && (
        <>
          <span aria-hidden="true" className={mergeClasses(styles.symbol, styles[dot])}>
            {mark}
          </span>{' '}
        </>
      )}
      {written ? written.words : DOT_LABELS[dot]}
    </span>
  );
}
