/** Helpers of marks.spec.ts: real mouse selections over article text, and reading what is shown. */
import { expect, type Locator, type Page } from '@playwright/test';

/** Viewport points just inside the first and last characters of `text` within `block`. */
async function endpoints(block: Locator, text: string): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
  await block.scrollIntoViewIfNeeded();
  return block.evaluate((el, wanted) => {
    const nodes: Text[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
    const full = nodes.map((n) => n.data).join('');
    const at = full.indexOf(wanted);
    if (at < 0) throw new Error(`"${wanted}" is not in the block`);
    const locate = (g: number): [Text, number] => {
      let left = g;
      for (const n of nodes) {
        if (left < n.data.length) return [n, left];
        left -= n.data.length;
      }
      throw new Error('offset outside the block');
    };
    const rectOf = (g: number): DOMRect => {
      const [node, offset] = locate(g);
      const range = document.createRange();
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      return range.getClientRects()[0] as DOMRect;
    };
    const first = rectOf(at);
    const last = rectOf(at + wanted.length - 1);
    const rtl = getComputedStyle(el).direction === 'rtl';
    // The caret lands at the nearest character edge: just inside the leading edge of the first
    // character, and just inside the trailing edge of the last one.
    return {
      x1: rtl ? first.right - 1 : first.left + 1,
      y1: first.top + first.height / 2,
      x2: rtl ? last.left + 1 : last.right - 1,
      y2: last.top + last.height / 2,
    };
  }, text);
}

/**
 * Selects `text` inside `block` with the real mouse (move, press, drag in steps, release), the way
 * a reader does; returns what the browser selected.
 */
export async function mouseSelect(page: Page, block: Locator, text: string): Promise<string> {
  const { x1, y1, x2, y2 } = await endpoints(block, text);
  await page.mouse.move(x1, y1);
  await page.mouse.down();
  await page.mouse.move((x1 + x2) / 2, (y1 + y2) / 2, { steps: 4 });
  await page.mouse.move(x2, y2, { steps: 6 });
  await page.mouse.up();
  return page.evaluate(() => window.getSelection()?.toString() ?? '');
}

/** Selects with the mouse and picks a colour in the popover. */
export async function highlightWith(page: Page, block: Locator, text: string, color: string): Promise<string> {
  const selected = await mouseSelect(page, block, text);
  const popover = page.getByTestId('mark-popover');
  await expect(popover).toBeVisible();
  await popover.getByRole('button', { name: color, exact: true }).click();
  await expect(popover).toBeHidden();
  return selected;
}

/** The texts of the highlights shown in `scope`, joined per highlight id. */
export async function shownMarks(scope: Locator): Promise<Record<string, { text: string; classes: string }>> {
  return scope.evaluate((el) => {
    const out: Record<string, { text: string; classes: string }> = {};
    for (const m of el.querySelectorAll<HTMLElement>('mark[data-hl]')) {
      const id = m.dataset.hl ?? '';
      const prev = out[id];
      out[id] = { text: (prev?.text ?? '') + (m.textContent ?? ''), classes: m.className };
    }
    return out;
  });
}

/** Waits two frames (for screenshots after a state change). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}
