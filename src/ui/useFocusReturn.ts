/**
 * Focus for a dialog the page opens itself (no DialogTrigger): on opening, the field to type in rather than
 * the dialog's first control; on closing, the control that opened it, not the page's body.
 */
import * as React from 'react';

/** Focuses `el` once it can take focus (rendered and enabled), trying for a few frames. */
function focusWhenReady(el: () => HTMLElement | null | undefined, tries = 20): () => void {
  let frame = 0;
  let left = tries;
  const attempt = (): void => {
    const target = el();
    if (target && target.isConnected && !(target as HTMLButtonElement).disabled) {
      target.focus();
      if (document.activeElement === target) return;
    }
    if (--left > 0) frame = requestAnimationFrame(attempt);
  };
  frame = requestAnimationFrame(attempt);
  return () => cancelAnimationFrame(frame);
}

/**
 * While `open`, focus starts in `first()`; when it closes, it goes back to what had focus when it opened.
 * The opener is taken in a layout effect, before the dialog's own effect moves focus into it.
 */
export function useFocusReturn(open: boolean, first: () => HTMLElement | null | undefined): void {
  const opener = React.useRef<HTMLElement | null>(null);
  const wasOpen = React.useRef(false);
  const firstRef = React.useRef(first);
  firstRef.current = first;
  React.useLayoutEffect(() => {
    if (open && !wasOpen.current) {
      const active = document.activeElement;
      opener.current = active instanceof HTMLElement && active !== document.body ? active : null;
    }
  }, [open]);
  React.useEffect(() => {
    if (open === wasOpen.current) return undefined;
    wasOpen.current = open;
    if (open) return focusWhenReady(() => firstRef.current());
    const back = opener.current;
    opener.current = null;
    return back ? focusWhenReady(() => back) : undefined;
  }, [open]);
}
