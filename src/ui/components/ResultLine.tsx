import { makeStyles, Text } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  // The pane spaces its parts itself; a paragraph's own margins would double the gap.
  line: { margin: 0 },
});

/** The outcome of the last operation, announced to screen readers as it changes. */
export function ResultLine({ text }: { text: string | null }): React.JSX.Element | null {
  const styles = useStyles();
  if (!text) return null;
  return (
    <Text as="p" role="status" aria-live="polite" className={styles.line}>
      {text}
    </Text>
  );
}
