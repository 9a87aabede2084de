/** Shared pieces of the browser specs: corpus paths and the axe-core scan. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';

/** The shared corpus beside the checkout (KABAR_CORPUS overrides). */
export const CORPUS = process.env.KABAR_CORPUS ?? fileURLToPath(new URL('../../../shared/corpus', import.meta.url));
/** The seed article. */
export const SEED = join(CORPUS, 'seed', 'diplomasi-bayangan.txt');

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** A violation as the spec reports it. */
export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/**
 * Runs axe-core in the page (evaluated, since the CSP blocks injected script tags) and
 * returns the serious and critical violations.
 */
export async function scanAccessibility(page: Page): Promise<Violation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
  });
}
