import * as React from 'react';

/** Whether a media query matches, following the window as it is resized; false where there is no matchMedia. */
export function useMediaQuery(query: string): boolean {
  const list = React.useMemo(() => (typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query) : null), [query]);
  const [matches, setMatches] = React.useState(list?.matches ?? false);
  React.useEffect(() => {
    if (!list) return undefined;
    setMatches(list.matches);
    const change = (e: MediaQueryListEvent): void => setMatches(e.matches);
    list.addEventListener('change', change);
    return () => list.removeEventListener('change', change);
  }, [list]);
  return matches;
}

/** Task-pane width (Excel's pane is about 350 px): lists become compact and the detail sticks to the top. */
export const PANE_WIDTH_QUERY = '(max-width: 640px)';
