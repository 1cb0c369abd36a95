import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  // A narrow pane cannot spare a browser's default list indent.
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export interface ProblemsProps {
  error: string | null;
  /** The error's title: what it means for the user's work. */
  errorTitle?: string;
  warnings: readonly string[];
  onDismissError?: () => void;
}

/** The error of the last operation (the message says what to do), then what a person should look at. */
export function Problems({ error, errorTitle = 'Nothing was changed', warnings, onDismissError }: ProblemsProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <>
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{errorTitle}</MessageBarTitle>
            {error}
          </MessageBarBody>
          {onDismissError && (
            <MessageBarActions>
              <Button size="small" onClick={onDismissError}>
                Dismiss
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{warnings.length === 1 ? '1 thing to check' : `${warnings.length} things to check`}</MessageBarTitle>
            <ul className={styles.list}>
              {warnings.slice(0, 20).map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ul>
            {warnings.length > 20 && `…and ${warnings.length - 20} more.`}
          </MessageBarBody>
        </MessageBar>
      )}
    </>
  );
}
