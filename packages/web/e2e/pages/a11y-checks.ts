import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** axe violations on the page as one line each (empty when there are none). */
export async function axeViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (violation) =>
      `${label}: ${violation.id} — ${violation.help} — ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
  );
}

/** Visible controls smaller than 44 × 44 CSS px (a radio or checkbox is measured by its label card). */
export function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const selector =
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll<HTMLElement>(selector)].flatMap((element) => {
      const style = getComputedStyle(element);
      if (element.getClientRects().length === 0 || style.visibility === 'hidden') return [];
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

/** True when the page scrolls sideways (content wider than the viewport). */
export function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}
