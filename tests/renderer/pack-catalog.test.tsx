// @vitest-environment jsdom
/** Settings → Language packs: pairs with sizes and state (installed, update, half downloaded), the default source, offline listing, progress. */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PackCatalog, type CatalogPack } from '../../renderer/src/features/translate/PackCatalog';
import { setupDom } from './setup';

beforeEach(async () => setupDom());
afterEach(() => cleanup());

const pack = (from: string, to: string, extra: Partial<CatalogPack> = {}): CatalogPack => ({ id: `${from}-${to}`, from, to, version: '1.0', bytes: 27_000_000, installed: null, update: false, partialBytes: 0, ...extra });

describe('pack catalog', () => {
  it('lists pairs with sizes and one action each, from Firefox\'s models by default', () => {
    const got: string[] = [];
    const packs = [pack('id', 'en', { installed: '1.0' }), pack('en', 'id', { installed: '1.0', update: true, version: '1.1' }), pack('en', 'ms', { partialBytes: 9_000_000 }), pack('en', 'de', { bytes: 16_400_000 })];
    render(<PackCatalog packs={packs} server="" cachedAt={null} error={null} downloading={null} onGet={(p) => got.push(p.id)} onCancel={() => undefined} />);
    expect(screen.getByTestId('pack-catalog').textContent).toContain("Mozilla's Firefox Translations models");
    const rows = screen.getAllByTestId('catalog-pack');
    expect(rows.map((r) => r.getAttribute('data-pack'))).toEqual(['id-en', 'en-id', 'en-ms', 'en-de']);
    expect(within(rows[0]!).queryByRole('button')).toBeNull();
    expect(rows[0]!.textContent).toBe('Indonesian → English 27 MB · installed');
    fireEvent.click(within(rows[1]!).getByRole('button', { name: 'Update (27 MB) — English → Indonesian' }));
    fireEvent.click(within(rows[2]!).getByRole('button', { name: 'Resume (9 MB of 27 MB) — English → Malay' }));
    fireEvent.click(within(rows[3]!).getByRole('button', { name: 'Download (16 MB) — English → German' }));
    expect(got).toEqual(['en-id', 'en-ms', 'en-de']);
  });

  it('shows a saved listing offline, progress with Cancel while downloading, and errors', () => {
    let cancelled = 0;
    const { rerender } = render(<PackCatalog packs={null} server="https://mirror.example/v1" cachedAt={null} error={null} downloading={null} onGet={() => undefined} onCancel={() => cancelled++} />);
    expect(screen.getByRole('status').textContent).toBe('Looking for language packs…');
    expect(screen.getByTestId('pack-catalog').textContent).toContain('Packs come from https://mirror.example/v1.');
    rerender(<PackCatalog packs={[pack('en', 'de')]} server="" cachedAt="2026-12-01T10:00:00Z" error={null} downloading={{ id: 'en-de', state: { status: 'downloading', done: 5_000_000, total: 27_000_000 } }} onGet={() => undefined} onCancel={() => cancelled++} />);
    expect(screen.getByTestId('pack-catalog').textContent).toMatch(/Offline: this is the list saved on .*December.*2026/);
    expect(within(screen.getByTestId('catalog-pack')).getByRole('button')).toHaveProperty('disabled', true);
    fireEvent.click(within(screen.getByTestId('catalog-progress')).getByRole('button', { name: 'Cancel' }));
    expect(cancelled).toBe(1);
    rerender(<PackCatalog packs={null} server="" cachedAt={null} error={{ code: 'OFFLINE', message: 'x', params: {} }} downloading={null} onGet={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByRole('alert').textContent).toMatch(/possible when you are online/);
  });
});
