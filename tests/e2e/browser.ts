/** Which Chromium the browser tier drives: Playwright's own when installed, else Debian's. */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';

/** Flags that keep Chromium quiet on a machine with no network (ENVIRONMENT.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium executable to launch; throws saying how to install one when there is none. */
export function chromiumPath(): string {
  const own = chromium.executablePath();
  if (own && existsSync(own)) return own;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser']) if (existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium for the browser tests. Install one with `npx playwright install chromium` ' +
      '(or on Debian/Ubuntu: `sudo apt-get install chromium`).',
  );
}
