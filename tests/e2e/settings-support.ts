/** Shared pieces of the Settings specs: open Settings at a section, measure that nothing overflows, and screenshots. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** Where screenshots go, for a person to look at (no pixel assertions). */
export const SHOTS = process.env.KABAR_SHOTS ?? '/tmp/shots-settings';

/** Saves a screenshot of the window as `<name>.png`. */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** What the sections spec measures with Settings open. */
export interface SettingsFacts {
  /** How far the page scrolls sideways (≤ 0: it does not). */
  overflowX: number;
  /** How far the shown section scrolls sideways inside its panel. */
  panelOverflowX: number;
  /** The dialog's box lies in the window. */
  dialogInside: boolean;
  /** Tabs (sections) whose box is not fully in the window, or has no size. */
  tabsOutside: string[];
  /** Visible controls of the section wider than the panel or beyond its sides. */
  controlsOutside: string[];
}

/** Measures the Settings dialog as it is shown now. */
export function measureSettings(page: Page): Promise<SettingsFacts> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const dialog = document.querySelector('[data-testid="settings-dialog"]')?.getBoundingClientRect();
    const panel = document.querySelector<HTMLElement>('.settings-panel');
    const pr = panel?.getBoundingClientRect();
    const tabsOutside: string[] = [];
    for (const tab of document.querySelectorAll<HTMLElement>('[role="tab"]')) {
      const r = tab.getBoundingClientRect();
      if (r.width === 0 || r.left < -1 || r.right > vw + 1 || r.top < -1 || r.bottom > vh + 1) tabsOutside.push(tab.textContent ?? '');
    }
    const controlsOutside: string[] = [];
    for (const el of panel?.querySelectorAll<HTMLElement>('button, select, input, summary, code, table') ?? []) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      if (pr && (r.left < pr.left - 1 || r.right > pr.right + 1)) controlsOutside.push(`${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}]`);
    }
    return {
      overflowX: document.documentElement.scrollWidth - vw,
      panelOverflowX: panel ? panel.scrollWidth - panel.clientWidth : 0,
      dialogInside: !!dialog && dialog.left >= -1 && dialog.right <= vw + 1 && dialog.top >= -1 && dialog.bottom <= vh + 1,
      tabsOutside,
      controlsOutside,
    };
  });
}
