// @vitest-environment jsdom
/** Settings → Language packs (a plain summary; engines and pairs from main in details, the engine per pair; packs) and Reading & translation (always / never lists). */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LanguagePackSettings } from '../../renderer/src/features/settings/LanguagePackSettings';
import { TranslationSettings } from '../../renderer/src/features/settings/TranslationSettings';
import { DEFAULT_SETTINGS, useSettings } from '../../renderer/src/stores/settings';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  fake.engines = {
    engines: [
      { id: 'bergamot', available: true, detail: '1 pack', pairs: [{ from: 'en', to: 'es' }] },
      { id: 'apertium', available: true, detail: '/usr/bin/apertium', pairs: [{ from: 'en', to: 'es' }, { from: 'id', to: 'ms' }] },
    ],
    packs: [{ id: 'en-es', from: 'en', to: 'es', version: '1.0', bytes: 2_500_000, files: [{ part: 'model', name: 'model.enes.bin', size: 2_000_000, sha256: 'a'.repeat(64) }] }],
  };
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS } });
});
afterEach(cleanup);

describe('language packs and translation settings', () => {
  it('lists pairs with the engines that can do each, and saves the engine chosen per pair', async () => {
    render(<LanguagePackSettings />);
    const table = await screen.findByTestId('pair-table');
    // Plain words first; the engine names sit in a details element.
    expect(screen.getByTestId('packs-summary').textContent).toBe('This computer can translate 2 language pairs.');
    expect(table.closest('details')?.querySelector('summary')?.textContent).toBe('Translation engines (details)');
    const enEs = screen.getByLabelText('Engine for English → Spanish') as HTMLSelectElement;
    expect([...enEs.options].map((o) => o.value)).toEqual(['auto', 'bergamot', 'apertium']);
    const idMs = screen.getByLabelText('Engine for Indonesian → Malay') as HTMLSelectElement;
    expect([...idMs.options].map((o) => o.value)).toEqual(['auto', 'apertium']);
    expect(table.querySelectorAll('tbody tr')).toHaveLength(2);
    fireEvent.change(enEs, { target: { value: 'apertium' } });
    await waitFor(() => expect(fake.callsTo('settings:set')).toEqual([[{ translationEngines: { 'en-es': 'apertium' } }]]));
    expect(screen.getByTestId('pack').textContent).toContain('en-es');
    expect(screen.getByTestId('pack').textContent).toContain('a'.repeat(64));
  });

  it('adds and removes languages of the always list; download needs a registry address and a pack id', async () => {
    const reading = render(<TranslationSettings />);
    fireEvent.change(screen.getByLabelText('Always translate from'), { target: { value: 'id' } });
    expect(useSettings.getState().settings.alwaysTranslateFrom).toEqual(['id']);
    fireEvent.click(screen.getByRole('button', { name: 'Remove Indonesian' }));
    expect(useSettings.getState().settings.alwaysTranslateFrom).toEqual([]);
    reading.unmount();
    render(<LanguagePackSettings />);
    await screen.findByTestId('pair-table');
    const download = screen.getByTestId('pack-download') as HTMLButtonElement;
    expect(download.disabled).toBe(true);
    fireEvent.blur(Object.assign(screen.getByLabelText('Language pack registry address'), { value: 'https://packs.example/registry.json' }));
    fireEvent.change(screen.getByLabelText('Pack to download (e.g. en-es)'), { target: { value: 'en-de' } });
    await waitFor(() => expect((screen.getByTestId('pack-download') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByTestId('pack-download'));
    await waitFor(() => expect(fake.callsTo('packs:installUrl')).toEqual([['https://packs.example/registry.json', 'en-de']]));
  });
});
