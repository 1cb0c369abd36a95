import { Link } from '@fluentui/react-components';
import * as React from 'react';
import type { RedFlag } from '../../scorecard/types';

export interface RedFlagListProps {
  flags: readonly RedFlag[];
  onGoTo: (sheet: string, row: number) => void;
  onFlag: (ref: string) => void;
}

/** The red flags, each with a link to its row and a shortcut to flag it for the clinic. */
export function RedFlagList({ flags, onGoTo, onFlag }: RedFlagListProps): React.JSX.Element | null {
  if (!flags.length) return null;
  return (
    <ul aria-label="Red flags">
      {flags.map((f) => (
        <li key={`${f.sheet}!${f.row}`}>
          <Link onClick={() => onGoTo(f.sheet, f.row)}>{f.ref || `Row ${f.row}`}</Link> {f.measure}{' '}
          <Link onClick={() => onFlag(f.ref)} aria-label={`Flag ${f.ref} for review`}>
            (flag)
          </Link>
        </li>
      ))}
    </ul>
  );
}
