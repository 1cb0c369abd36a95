/**
 * The panels the pane and the workbench wire to the scorecard state in the same way, each laid out by its
 * page: the explanation of the row chosen, the red flags and the clinic's flags.
 */
import { Button } from '@fluentui/react-components';
import * as React from 'react';
import type { ScorecardActions, ScorecardState } from '../useScorecard';
import { ExplanationPanel } from './ExplanationPanel';
import { ManualFlagList } from './ManualFlagList';
import { RedFlagList } from './RedFlagList';

export interface ChosenRowExplanationProps {
  state: ScorecardState & ScorecardActions;
  onFlag: (ref: string) => void;
  /** What to do to get ratings, said while there are none. */
  rateHint: string;
  /** What to do to pick a row, said while none is picked. */
  selectHint: string;
}

export function ChosenRowExplanation({ state: s, onFlag, rateHint, selectHint }: ChosenRowExplanationProps): React.JSX.Element {
  return (
    <ExplanationPanel
      selection={s.selection}
      row={s.selected}
      rated={s.rows.length > 0}
      symbols={s.symbols}
      dotSymbols={s.dotSymbols}
      onFlag={onFlag}
      disabled={s.busy !== null}
      rateHint={rateHint}
      selectHint={selectHint}
    />
  );
}

export interface ScorecardRedFlagsProps {
  state: ScorecardState & ScorecardActions;
  onFlag: (ref: string) => void;
  /** What to do to get red flags, said while there are none worked out. */
  emptyHint: string;
}

export function ScorecardRedFlags({ state: s, onFlag, emptyHint }: ScorecardRedFlagsProps): React.JSX.Element {
  return <RedFlagList flags={s.redFlags} symbols={s.symbols} selection={s.selection} onSelect={s.selectRow} onFlag={onFlag} disabled={s.busy !== null} emptyHint={emptyHint} />;
}

/** The measures flagged for the clinic, and the button that flags one (the row chosen, when there is one). */
export function ScorecardClinicFlags({ state: s, onFlag }: { state: ScorecardState & ScorecardActions; onFlag: (ref: string) => void }): React.JSX.Element {
  return (
    <>
      <ManualFlagList flags={s.flags} />
      <div>
        <Button disabled={s.busy !== null} onClick={() => onFlag(s.selected?.ref ?? '')}>
          Flag a measure…
        </Button>
      </div>
    </>
  );
}
