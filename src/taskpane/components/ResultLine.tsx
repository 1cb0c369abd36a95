import { Text } from '@fluentui/react-components';
import * as React from 'react';

/** The outcome of the last operation, announced to screen readers as it changes. */
export function ResultLine({ text }: { text: string | null }): React.JSX.Element | null {
  if (!text) return null;
  return (
    <Text as="p" role="status" aria-live="polite">
      {text}
    </Text>
  );
}
