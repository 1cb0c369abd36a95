/**
 * Windowing for long lists: only the rows in or near the scroll region's view are drawn, with empty space
 * above and below standing for the rest, so 20,000 rated rows cost what forty do. Rows may differ in height
 * (a group heading, a row whose reason is opened in full): each drawn row is measured and remembered by its
 * key, and rows not yet drawn are taken to be as tall as the first one measured.
 */
import * as React from 'react';

export interface WindowedRows {
  /** The first row to draw and one past the last. */
  start: number;
  end: number;
  /** Pixels of empty space to leave above the first row drawn and below the last. */
  before: number;
  after: number;
  /** A ref for each drawn row, so its height is measured. */
  measure(key: string): (el: HTMLElement | null) => void;
  /** Scrolls the region (not the page) just enough to show row `index`. */
  reveal(index: number): void;
}

export interface WindowedRowsOptions {
  /** Every row's key, in order. */
  keys: readonly string[];
  /** A row's height before any was measured. */
  estimate: number;
  /** The element that scrolls. */
  scroller: React.RefObject<HTMLElement | null>;
  /** The element the rows are drawn in (a tbody below a sticky header, say): where row 0 starts. */
  body: React.RefObject<HTMLElement | null>;
  /** Rows drawn beyond each edge of the view, in pixels, so a fast scroll does not show blank space. */
  overscan?: number;
}

/** Without a layout (a test's DOM), the region is taken to be this tall. */
const UNLAID_HEIGHT = 800;

export function useWindowedRows({ keys, estimate, scroller, body, overscan = 600 }: WindowedRowsOptions): WindowedRows {
  const [view, setView] = React.useState({ top: 0, height: 0 });
  const [heights, setHeights] = React.useState<ReadonlyMap<string, number>>(() => new Map());
  const [typical, setTypical] = React.useState<number | null>(null);
  const base = typical ?? estimate;

  // Offsets from the top of the body: offsets[i] is where row i starts, offsets[count] the total height.
  const offsets = React.useMemo(() => {
    const o = new Float64Array(keys.length + 1);
    for (let i = 0; i < keys.length; i++) o[i + 1] = o[i] + (heights.get(keys[i]) ?? base);
    return o;
  }, [keys, heights, base]);

  const bodyTop = React.useCallback((): number => {
    const s = scroller.current;
    const b = body.current;
    if (!s || !b) return 0;
    return b.getBoundingClientRect().top - s.getBoundingClientRect().top + s.scrollTop;
  }, [scroller, body]);

  React.useLayoutEffect(() => {
    const s = scroller.current;
    if (!s) return undefined;
    let frame = 0;
    const read = (): void => {
      frame = 0;
      setView((v) => {
        const next = { top: s.scrollTop - bodyTop(), height: s.clientHeight };
        return Math.abs(next.top - v.top) < 1 && next.height === v.height ? v : next;
      });
    };
    const onScroll = (): void => {
      if (!frame) frame = requestAnimationFrame(read);
    };
    read();
    s.addEventListener('scroll', onScroll, { passive: true });
    const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(onScroll) : null;
    resize?.observe(s);
    return () => {
      s.removeEventListener('scroll', onScroll);
      resize?.disconnect();
      if (frame) cancelAnimationFrame(frame);
    };
  }, [scroller, bodyTop]);

  // One observer for the drawn rows: a row that grows (its reason opened) is measured again.
  const observed = React.useRef(new Map<Element, string>());
  const typicalHeight = React.useRef<number | null>(null);
  const observer = React.useMemo(() => {
    if (typeof ResizeObserver !== 'function') return null;
    return new ResizeObserver((entries) => {
      const seen: [string, number][] = [];
      for (const e of entries) {
        const key = observed.current.get(e.target);
        const h = (e.target as HTMLElement).getBoundingClientRect().height;
        if (key !== undefined && h > 0) seen.push([key, h]);
      }
      if (!seen.length) return;
      // Most rows are alike: the middle height of the first rows drawn stands for those not drawn yet,
      // and only a row that differs from it is remembered.
      const typical = (typicalHeight.current ??= seen.map(([, h]) => h).sort((a, b) => a - b)[seen.length >> 1]);
      setTypical(typical);
      setHeights((m) => {
        let next: Map<string, number> | null = null;
        for (const [k, h] of seen) {
          if (Math.abs((m.get(k) ?? typical) - h) < 0.5) continue;
          next ??= new Map(m);
          next.set(k, h);
        }
        return next ?? m;
      });
    });
  }, []);
  React.useEffect(() => () => observer?.disconnect(), [observer]);

  const refs = React.useRef(new Map<string, (el: HTMLElement | null) => void>());
  const measure = React.useCallback(
    (key: string) => {
      let ref = refs.current.get(key);
      if (!ref) {
        let current: HTMLElement | null = null;
        ref = (el: HTMLElement | null): void => {
          if (current && observer) {
            observer.unobserve(current);
            observed.current.delete(current);
          }
          current = el;
          if (el && observer) {
            observed.current.set(el, key);
            observer.observe(el);
          }
          if (!el) refs.current.delete(key);
        };
        refs.current.set(key, ref);
      }
      return ref;
    },
    [observer],
  );

  const count = keys.length;
  const height = view.height || UNLAID_HEIGHT;
  const start = Math.max(0, firstEndingAfter(offsets, view.top - overscan));
  let end = start;
  while (end < count && offsets[end] < view.top + height + overscan) end++;

  const reveal = React.useCallback(
    (index: number): void => {
      const s = scroller.current;
      if (!s || index < 0 || index >= offsets.length - 1) return;
      // Row 0 starts below whatever the region shows first (a sticky header): a row must clear it to be seen.
      const header = bodyTop();
      if (offsets[index] < s.scrollTop) s.scrollTop = offsets[index];
      else if (header + offsets[index + 1] > s.scrollTop + s.clientHeight) s.scrollTop = header + offsets[index + 1] - s.clientHeight;
    },
    [scroller, offsets, bodyTop],
  );

  return { start, end, before: offsets[start], after: offsets[count] - offsets[end], measure, reveal };
}

/** The first row that ends below `y` (a binary search: offsets only grow). */
function firstEndingAfter(offsets: Float64Array, y: number): number {
  let lo = 0;
  let hi = offsets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (offsets[mid + 1] <= y) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Brings the chosen row into the region's view when the choice changes (a red flag chosen elsewhere), not
 * when the list does: typing into Find must not keep scrolling back to it.
 */
export function useRevealChosen(chosenKey: string | null, keys: readonly string[], reveal: (index: number) => void): void {
  const latest = React.useRef({ keys, reveal });
  latest.current = { keys, reveal };
  React.useEffect(() => {
    if (chosenKey) latest.current.reveal(latest.current.keys.indexOf(chosenKey));
  }, [chosenKey]);
}
