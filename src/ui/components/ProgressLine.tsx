import { Field, ProgressBar } from '@fluentui/react-components';
import * as React from 'react';
import { progressFraction, progressLabel } from '../../app/describe';
import type { Progress } from '../../app/host';

export interface ProgressLineProps {
  /** What is running, in words ("Recalculating"); nothing is shown when nothing runs. */
  what: string | null;
  progress: Progress | null;
}

/** A progress bar with the phase in words; indeterminate until the host reports a step. */
export function ProgressLine({ what, progress }: ProgressLineProps): React.JSX.Element | null {
  if (!what) return null;
  return (
    <Field label={what} hint={progress ? progressLabel(progress) : 'Starting…'} validationState="none">
      <ProgressBar value={progress ? progressFraction(progress) : undefined} max={1} thickness="large" aria-label={what} />
    </Field>
  );
}
