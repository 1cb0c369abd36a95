/**
 * What a screen reader and a keyboard meet on a page: where focus is, and the controls Chromium's own
 * accessibility tree gives no name (a button, box or link a screen reader could only call "button").
 */
import type { Page } from 'playwright-core';

export async function activeElement(page: Page): Promise<{ tag: string; id: string; name: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName.toLowerCase() ?? '', id: el?.id ?? '', name: el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 60) ?? '' };
  });
}

const CONTROL_ROLES = new Set(['button', 'link', 'textbox', 'combobox', 'checkbox', 'switch', 'radio', 'slider', 'spinbutton', 'searchbox', 'listbox', 'tab', 'menuitem', 'option']);

interface AXNode {
  ignored?: boolean;
  role?: { value?: string };
  name?: { value?: string };
}

/** Every control in the page's accessibility tree whose computed name is empty, as "role" strings. */
export async function unnamedControls(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
    return nodes.filter((n) => !n.ignored && CONTROL_ROLES.has(n.role?.value ?? '') && !(n.name?.value ?? '').trim()).map((n) => n.role?.value ?? '');
  } finally {
    await cdp.detach();
  }
}
