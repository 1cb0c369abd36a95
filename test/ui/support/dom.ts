/**
 * What jsdom lacks and Fluent UI asks for: ResizeObserver (MessageBar picks its layout with it) and
 * matchMedia (motion and theme queries). Import first in every component test.
 */
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const w = window as unknown as { ResizeObserver?: unknown; matchMedia?: unknown };
w.ResizeObserver = w.ResizeObserver ?? NoResizeObserver;
w.matchMedia =
  w.matchMedia ??
  ((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    addListener: () => undefined,
    removeListener: () => undefined,
    dispatchEvent: () => false,
  }));

export {};
