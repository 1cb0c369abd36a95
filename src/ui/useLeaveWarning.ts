import * as React from 'react';

/** While there is unsaved work, closing or reloading the tab asks first (the browser words the question). */
export function useLeaveWarning(unsaved: boolean): void {
  React.useEffect(() => {
    if (!unsaved) return undefined;
    const warn = (e: BeforeUnloadEvent): void => {
      e.preventDefault();
      // Older browsers ask only when returnValue is set.
      e.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
