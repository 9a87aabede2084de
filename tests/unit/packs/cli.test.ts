/** `kabar packs available` and `kabar packs get FROM TO` through the real CLI entry, against a local Remote Settings server. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setProgressOut } from '../../../main/cli/packs';
import { runCli } from '../../../main/cli/run';
import { openLibrary } from '../../../main/core/store';
import { tempDir } from '../helpers';
import { pairFiles, startRsServer, type RsServer } from './rs-server';

let rs: RsServer;
beforeAll(async () => {
  rs = await startRsServer([...pairFiles('id', 'en', '1.0', 300_000), ...pairFiles('en', 'ms')]);
});
afterAll(async () => rs.close());

async function cli(dir: string, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(['--data', dir, ...args], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: process.env, cwd: dir });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('kabar packs available / get', () => {
  it('lists pairs with sizes, downloads through English with progress, then marks them installed', async () => {
    const dir = await tempDir();
    const library = await openLibrary({ dir });
    library.updateSettings({ packRegistryUrl: `${rs.url}/v1` });
    await library.close();

    const listed = await cli(dir, ['packs', 'available']);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/^id-en\s+1\.0\s+0\.4 MB$/m);
    expect(listed.out).not.toMatch(/installed/);

    const lines: string[] = [];
    const previous = setProgressOut((l) => lines.push(l));
    try {
      const got = await cli(dir, ['packs', 'get', 'id', 'ms']);
      expect(got.err).toBe('');
      expect(got.code).toBe(0);
      expect(got.out).toMatch(/^id → ms: id-en 1\.0 .* \+ en-ms 1\.0 .* installed; downloaded 0\.4 MB$/);
    } finally {
      setProgressOut(previous);
    }
    expect(lines[0]).toMatch(/^id-en: \d+% of 0\.4 MB$/);
    expect(lines).toContain('id-en: checking and installing');
    expect(lines).toContain('en-ms: checking and installing');

    const json = await cli(dir, ['--json', 'packs', 'available']);
    const listing = JSON.parse(json.out) as { packs: { id: string; installed: string | null }[] };
    expect(listing.packs.map((p) => [p.id, p.installed])).toEqual([['en-ms', '1.0'], ['id-en', '1.0']]);
    const engines = JSON.parse((await cli(dir, ['--json', 'engines'])).out) as { engines: { id: string; pairs: { from: string; to: string }[] }[] };
    expect(engines.engines.find((e) => e.id === 'bergamot')?.pairs).toContainEqual({ from: 'id', to: 'ms' });
  });

  it('usage errors and an unreachable server say what to do', async () => {
    const dir = await tempDir();
    expect((await cli(dir, ['packs', 'get', 'id'])).err).toMatch(/Usage: kabar packs get FROM TO/);
    const library = await openLibrary({ dir });
    // A server started and stopped: its port now refuses connections.
    const gone = await startRsServer([]);
    await gone.close();
    library.updateSettings({ packRegistryUrl: `${gone.url}/v1` });
    await library.close();
    const offline = await cli(dir, ['--json', 'packs', 'get', 'id', 'en']);
    expect(offline.code).toBe(1);
    expect(JSON.parse(offline.err)).toMatchObject({ error: { code: 'OFFLINE' } });
    expect(offline.err).toMatch(/possible when online/);
  });
});
