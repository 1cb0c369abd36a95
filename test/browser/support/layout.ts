/** What a user sees of a page's layout, measured in the page: is a thing on screen, does the page scroll sideways. */
import type { Locator, Page } from 'playwright-core';

/** Whether the whole of the element lies inside the viewport (the part a user sees without scrolling). */
export async function inViewport(page: Page, target: Locator): Promise<{ inside: boolean; top: number; bottom: number; height: number }> {
  const box = await target.boundingBox();
  const height = await page.evaluate(() => window.innerHeight);
  if (!box) return { inside: false, top: NaN, bottom: NaN, height };
  return { inside: box.y >= 0 && box.y + box.height <= height, top: box.y, bottom: box.y + box.height, height };
}

/**
 * Sideways overflow a user would meet: the page wider than the viewport, or any element whose content is
 * wider than its box and can be scrolled (overflow auto or scroll) without being a marked scroll region
 * (data-scroll-region, named for assistive technology). Lists each offender.
 */
export function horizontalOverflow(page: Page): Promise<{ page: { scrollWidth: number; viewport: number }; unmarked: string[] }> {
  return page.evaluate(() => {
    const unmarked: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (el.scrollWidth <= el.clientWidth + 1) continue;
      const style = getComputedStyle(el);
      if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') continue;
      if (el.closest('[data-scroll-region]')) continue;
      unmarked.push(`${el.tagName.toLowerCase()}${el.getAttribute('aria-label') ? `[aria-label="${el.getAttribute('aria-label')}"]` : ''} (${el.scrollWidth} in ${el.clientWidth})`);
    }
    return { page: { scrollWidth: document.documentElement.scrollWidth, viewport: window.innerWidth }, unmarked };
  });
}
