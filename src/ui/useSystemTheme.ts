import * as React from 'react';
import type { ThemeKind } from '../app/theme';

/** Follows the system's light or dark setting, as the task pane follows Office's. */
export function useSystemTheme(): ThemeKind {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
  const [dark, setDark] = React.useState(query?.matches ?? false);
  React.useEffect(() => {
    if (!query) return undefined;
    const change = (e: MediaQueryListEvent): void => setDark(e.matches);
    query.addEventListener('change', change);
    return () => query.removeEventListener('change', change);
  }, [query]);
  return dark ? 'dark' : 'light';
}
