/** Shared pieces of the layout spec and the screenshot gallery: sizes, locales, a small real library, and measurements. */
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HandlerSet } from '../../main/handlers';
import { CORPUS, SEED } from './support';

/** The window sizes the issue names. */
export const SIZES = [
  { width: 800, height: 600 },
  { width: 1024, height: 700 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

/** Every interface language. */
export const LOCALES = ['en', 'de', 'es', 'fr', 'id', 'ms', 'ar', 'ja', 'zh-CN'] as const;

/** Imports the seed (Indonesian) and a BBC page (English) from the corpus; returns the seed's id. */
export async function seedLibrary(set: HandlerSet): Promise<string> {
  const summary = await set.handlers['import:paths']([SEED, join(CORPUS, 'pages', 'bbc-1', 'source.html')], []);
  const seed = summary.results.find((r) => r.source === SEED);
  if (!seed?.ok) throw new Error(`The seed did not import: ${JSON.stringify(summary.results)}`);
  return seed.id;
}

/** Opens the article whose row contains `text` (clicking its row, as a person would). */
export async function openRow(page: Page, text: string): Promise<void> {
  const row = page.getByTestId('article-row').filter({ hasText: text }).first();
  await row.locator('[data-row-button]').click();
  await page.getByTestId('reader-body').locator('p').first().waitFor();
}

/** What the layout spec measures in the page. */
export interface LayoutFacts {
  overflowX: number;
  titleTop: number;
  firstParagraph: { top: number; bottom: number; width: number } | null;
  viewport: { width: number; height: number };
  /** Visible buttons and fields whose box lies (partly) outside the window. */
  outside: string[];
}

/** Measures overflow, title position, first paragraph, and controls outside the window. */
export function measureLayout(page: Page): Promise<LayoutFacts> {
  return page.evaluate(() => {
    const vw = window.innerWidth;
    const vh = window.innerHeight;
    const title = document.querySelector('[data-testid="reader-title"]')?.getBoundingClientRect();
    const p = document.querySelector('[data-testid="reader-body"] p')?.getBoundingClientRect();
    const outside: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('button, select, input, [role="separator"]')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      // Controls inside a scrolling region are reachable by scrolling it; only the window's edges matter here.
      if (el.closest('.sidebar, .hit-list, [data-testid="article-list"], .reader-scroll, .list-scroll')) continue;
      if (r.left < -1 || r.right > vw + 1 || r.top < -1 || r.bottom > vh + 1) outside.push(`${el.tagName.toLowerCase()}[${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 30)}]`);
    }
    return {
      overflowX: document.documentElement.scrollWidth - vw,
      titleTop: title ? title.top : -1,
      firstParagraph: p ? { top: p.top, bottom: p.bottom, width: p.width } : null,
      viewport: { width: vw, height: vh },
      outside,
    };
  });
}
