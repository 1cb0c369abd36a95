import * as React from 'react';

export interface ShareBarProps {
  /** 0 to 100. */
  percent: number;
  colour: string;
}

/**
 * One bar of the summary chart, drawn as SVG attributes (no inline style, no chart library). Hidden from
 * screen readers: the count and percentage beside it say the same.
 */
export function ShareBar({ percent, colour }: ShareBarProps): React.JSX.Element {
  const width = Math.max(0, Math.min(100, percent));
  return (
    <svg width="100%" height="12" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect x="0" y="0" width="100" height="12" fill="currentColor" opacity="0.08" />
      {/* A share above zero always shows a sliver, so a bar never hides a measure. */}
      {width > 0 && <rect x="0" y="0" width={Math.max(width, 0.8)} height="12" fill={colour} />}
    </svg>
  );
}
