/** The checks every screen must pass: axe, 44 × 44 targets, and reflow without sideways scrolling. */
import { mkdir } from 'node:fs/promises';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Set to a folder to keep a full-page screenshot of every page axe checks (named by its label). */
const SCREENSHOTS_DIR = process.env.SUNLOG_SCREENSHOTS_DIR;

/** Saves a full-page screenshot as `<name>.png` when SUNLOG_SCREENSHOTS_DIR is set; otherwise nothing. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  if (SCREENSHOTS_DIR === undefined) return;
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS_DIR}/${name}.png`, fullPage: true });
}

/** axe violations on the page as it is now, one line each (empty when there are none). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  await keepScreenshot(page, label);
  return results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
    return `${label}: ${violation.id} — ${violation.help} — ${targets}`;
  });
}

/** Visible controls smaller than 44 × 44 CSS px (a radio or checkbox is measured by its label card). */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0 || style.visibility === 'hidden') return [];
      // Screen-reader-only controls (React Aria's hidden "Dismiss" in dialogs) are clipped away: not targets.
      for (let node: HTMLElement | null = element; node !== null; node = node.parentElement) {
        const nodeStyle = getComputedStyle(node);
        if (nodeStyle.clipPath === 'inset(50%)' || nodeStyle.clip === 'rect(0px, 0px, 0px, 0px)') return [];
      }
      const target = element.closest('label') ?? element;
      const { width, height } = target.getBoundingClientRect();
      if (width >= 44 && height >= 44) return [];
      const label = element.getAttribute('aria-label') ?? element.textContent ?? element.tagName;
      return [
        `${element.tagName.toLowerCase()} "${label.trim().slice(0, 60)}" is ${Math.round(width)}×${Math.round(height)}`,
      ];
    });
  });
}

/** What sticks out sideways: the page or a dialog wider than the window, or elements past its edge. */
export function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems: string[] = [];
    if (document.documentElement.scrollWidth > width) {
      problems.push(`page is ${document.documentElement.scrollWidth}px wide in ${width}px`);
    }
    for (const overlay of document.querySelectorAll<HTMLElement>('.modal-overlay')) {
      if (overlay.scrollWidth > overlay.clientWidth) {
        problems.push(`dialog is ${overlay.scrollWidth}px wide in ${overlay.clientWidth}px`);
      }
    }
    const clipped = (element: HTMLElement) => {
      for (let parent = element.parentElement; parent !== null; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const element of document.querySelectorAll<HTMLElement>('main *, [role="dialog"] *')) {
      if (clipped(element)) continue;
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.right > width + 1 && getComputedStyle(element).position !== 'fixed') {
        problems.push(
          `${element.tagName.toLowerCase()}.${element.className} ends at ${Math.round(rect.right)}px`,
        );
        if (problems.length > 5) break;
      }
    }
    return problems;
  });
}
