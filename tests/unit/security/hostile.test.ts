/**
 * Hostile content through every import path (files, URLs, feed items, corpus feeds, Apertium
 * translations): what is stored must be safe to render — only http(s)/mailto links, no
 * markup, no handlers, image sources that are captured or never loaded, titles without bidi
 * controls — and nothing may crash or hang. The browser tier renders the same library.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../../main/core/store';
import { blockProblems, titleProblems } from '../../fixtures/hostile/check';
import { importHostile, startHostileServer, type HostileImport, type HostileServer } from '../../fixtures/hostile/library';
import { ATTACKER, PAYLOADS } from '../../fixtures/hostile/payloads';
import { APERTIUM } from '../translate/helpers';

let server: HostileServer;
let library: Library;
let dir: string;
let work: string;
let result: HostileImport;

beforeAll(async () => {
  server = await startHostileServer();
  // Not tempDir(): that one is emptied after every test, and this library serves them all.
  dir = await mkdtemp(join(tmpdir(), 'kabar-hostile-'));
  work = await mkdtemp(join(tmpdir(), 'kabar-hostile-files-'));
  library = await openLibrary({ dir });
  const cpu = process.cpuUsage();
  const start = Date.now();
  result = await importHostile(library, server, work, { translate: 12, apertium: Boolean(APERTIUM) });
  const used = process.cpuUsage(cpu);
  console.log(
    `hostile_inputs_tried ${result.tried} (imported in ${((Date.now() - start) / 1000).toFixed(1)} s wall, ${((used.user + used.system) / 1e6).toFixed(1)} s CPU)`,
  );
  console.log(`hostile_inputs_by_path ${JSON.stringify(result.triedByPath)}`);
  if (result.translationSkipped) console.log(`SKIPPED translation path: ${result.translationSkipped}`);
}, 600_000);

afterAll(async () => {
  await library?.close();
  await server?.close();
  await Promise.all([dir, work].filter(Boolean).map((d) => rm(d, { recursive: true, force: true })));
});

async function problemsOf(id: string): Promise<string[]> {
  const article = await library.get(id);
  const out = [...titleProblems(article.title), ...blockProblems(article.blocks)];
  for (const [lang, t] of Object.entries(article.translations)) {
    out.push(...titleProblems(t.title).map((p) => `translation ${lang}: ${p}`), ...blockProblems(t.blocks).map((p) => `translation ${lang}: ${p}`));
  }
  // Bylines, site names and excerpts are one-line labels too; an excerpt of a text file may quote markup as words.
  for (const field of [article.byline, article.siteName, article.excerpt]) if (field) out.push(...titleProblems(field, { markup: false }));
  return out.map((p) => `${id} "${article.title.slice(0, 40)}": ${p}`);
}

describe('hostile content', () => {
  it('imports every hostile page through every path, or refuses it with a clear error', () => {
    // A payload inside an article never makes an article unreadable; only pages without an article are refused.
    expect(result.failures.map((f) => `${f.source}: ${f.ok ? '' : f.error.code}`)).toEqual([]);
    expect(result.byPath['file-html'].length).toBeGreaterThanOrEqual(PAYLOADS.length);
    expect(result.byPath['file-txt'].length).toBeGreaterThanOrEqual(PAYLOADS.length);
    expect(result.byPath.url.length).toBeGreaterThanOrEqual(PAYLOADS.length * 2);
    expect(result.byPath.feed.length).toBe(PAYLOADS.length);
    expect(result.byPath['corpus-feed'].length).toBeGreaterThan(0);
    expect(result.tried).toBeGreaterThan(400);
  });

  it('stores only safe blocks and titles, whatever the path', async () => {
    const problems: string[] = [];
    for (const id of library.ids()) problems.push(...(await problemsOf(id)));
    expect(problems).toEqual([]);
  });

  it('keeps no markup: the stored files hold no tags, handlers or script URLs outside plain text', async () => {
    for (const id of library.ids()) {
      const article = await library.get(id);
      const links = JSON.stringify(article.blocks.flatMap((b) => [...(b.inline ?? []), ...(b.items ?? []).flat()]).map((r) => r.href ?? ''));
      expect(links).not.toMatch(/javascript:|vbscript:|data:|file:/i);
      const raw = await readFile(join(dir, 'articles', `${id}.json`), 'utf8');
      // Keys other than the Block/Inline fields would mean markup or attributes leaked into storage.
      expect(raw).not.toMatch(/"(on[a-z]+|style|srcset|poster|background|ping|formaction|action|xlink:href)"\s*:/i);
    }
  });

  it('loads nothing remote except images, and never renders a remote image it could not capture', async () => {
    // Image capture is the only fetch an import makes beyond the page itself.
    expect(result.remote.filter((u) => !/\.(png|jpe?g|gif|webp|svg)$/i.test(new URL(u).pathname))).toEqual([]);
    for (const id of library.ids()) {
      for (const b of (await library.get(id)).blocks) {
        if (b.src?.startsWith(ATTACKER)) expect(b.media, `${id}: ${b.src}`).toBeUndefined();
      }
    }
  });

  it('keeps the safe link and the article text next to every payload', async () => {
    const swallowing = PAYLOADS.filter((p) => p.swallowsRest).map((p) => `Hostile ${p.name}`);
    for (const id of result.byPath['file-html']) {
      const article = await library.get(id);
      if (swallowing.includes(article.title)) continue;
      const hrefs = article.blocks.flatMap((b) => (b.inline ?? []).map((r) => r.href));
      expect(hrefs, article.title).toContain('https://example.org/safe');
    }
  });

  it('translates hostile English pages with the real Apertium into equally safe Spanish blocks', async (ctx) => {
    if (result.translationSkipped) return ctx.skip(result.translationSkipped);
    expect(result.byPath.translation.length).toBeGreaterThanOrEqual(10);
    for (const id of result.byPath.translation) {
      const translation = (await library.get(id)).translations.es;
      expect(translation?.engine).toBe('apertium');
      expect(blockProblems(translation?.blocks ?? [])).toEqual([]);
      const title = (await library.get(id)).title;
      if (!PAYLOADS.some((p) => p.swallowsRest && title.endsWith(p.name))) {
        expect(translation?.blocks.flatMap((b) => (b.inline ?? []).map((r) => r.href)), title).toContain('https://example.org/safe');
      }
    }
  });
});
