import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import * as React from 'react';

export interface ProblemsProps {
  error: string | null;
  warnings: readonly string[];
}

/** The error of the last operation (nothing was changed), then what a person should look at. */
export function Problems({ error, warnings }: ProblemsProps): React.JSX.Element {
  return (
    <>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>Nothing was changed</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      {warnings.length > 0 && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{warnings.length === 1 ? '1 thing to check' : `${warnings.length} things to check`}</MessageBarTitle>
            <ul>
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
