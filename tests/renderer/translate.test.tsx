// @vitest-environment jsdom
/**
 * Translation in the reader: the target language (picked, Settings, else the newest stored
 * translation), the three views switched locally (no IPC), bilingual pairing with failed blocks and
 * images, the L shortcut, "always" translating on open, "never" hiding the suggestion, progress with
 * Cancel, the no-engine message naming the pack, and translated titles in the list.
 */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Reader } from '../../renderer/src/features/reader/Reader';
import { commandFor } from '../../renderer/src/features/shortcuts/keymap';
import { runCommand } from '../../renderer/src/features/shortcuts/useShortcuts';
import { listTitle } from '../../renderer/src/features/translate/listTitle';
import { openArticle } from '../../renderer/src/stores/actions';
import { useReader } from '../../renderer/src/stores/reader';
import { DEFAULT_SETTINGS, useSettings } from '../../renderer/src/stores/settings';
import { nextMode, targetFor, useTranslate } from '../../renderer/src/stores/translate';
import type { Block, Translation } from '../../preload/contract';
import { FakeKabar, deferred, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

const BLOCKS: Block[] = [
  { type: 'heading', level: 2, text: 'Latar belakang' },
  { type: 'paragraph', text: 'Paragraf pertama.' },
  { type: 'image', text: '', media: `${'ab'.repeat(32)}.jpg`, alt: 'Foto' },
  { type: 'paragraph', text: 'Paragraf kedua.' },
];

function malay(over: Partial<Translation> = {}): Translation {
  return {
    lang: 'ms',
    title: 'Diplomasi Bayang',
    blocks: [
      { type: 'heading', level: 2, text: 'Latar belakang (ms)' },
      { type: 'paragraph', text: 'Perenggan pertama.' },
      { type: 'image', text: '', media: `${'ab'.repeat(32)}.jpg`, alt: 'Foto' },
      { type: 'paragraph', text: 'Paragraf kedua.', failed: 'simulated' },
    ],
    engine: 'apertium',
    model: 'ind-zlm',
    createdAt: '2026-01-02T00:00:00.000Z',
    ...over,
  };
}

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  fake.articles.push(makeMeta(1, { title: 'Diplomasi Bayangan', lang: 'id' }));
  fake.bodies.set('a00001', BLOCKS);
  useReader.getState().close();
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS } });
  useTranslate.setState({ mode: null, targets: {}, jobs: {}, errors: {} });
});
afterEach(cleanup);

async function openSeed(): Promise<void> {
  render(<Reader />);
  await act(async () => openArticle('a00001'));
  await screen.findByTestId('translate-bar');
}

describe('target language and modes', () => {
  it('picks the target: chosen for the article, else Settings / interface, else the newest stored translation', () => {
    const tr = (lang: string, createdAt: string) => ({ ...malay(), lang, createdAt });
    const article = { id: 'x', translations: { ms: tr('ms', '2026-01-01'), fr: tr('fr', '2026-02-01') } };
    expect(targetFor(article, 'de', null, 'en-US')).toBe('de');
    expect(targetFor(article, undefined, 'ms', 'en-US')).toBe('ms');
    expect(targetFor(article, undefined, null, 'fr-FR')).toBe('fr');
    expect(targetFor(article, undefined, null, 'en-US')).toBe('fr');
    expect(targetFor({ id: 'y', translations: {} }, undefined, null, 'zh-CN')).toBe('zh');
    expect([nextMode('original'), nextMode('translated'), nextMode('bilingual')]).toEqual(['translated', 'bilingual', 'original']);
  });

  it('switches Original / Translated / Bilingual without calling main; bilingual pairs blocks, failed ones marked', async () => {
    fake.translations.set('a00001', { ms: malay() });
    await openSeed();
    const calls = fake.calls.length;
    fireEvent.click(screen.getByTestId('mode-translated'));
    expect(screen.getByTestId('reader-title').textContent).toBe('Diplomasi Bayang');
    expect(screen.getByTestId('reader').getAttribute('lang')).toBe('ms');
    expect(screen.getByTestId('reader-body').textContent).toContain('Perenggan pertama.');
    const failed = screen.getByTestId('failed-block');
    expect(failed.textContent).toContain('Not translated');
    expect(failed.textContent).toContain('Paragraf kedua.');
    expect(screen.getByTestId('translate-bar').textContent).toContain('1 block could not be translated');

    fireEvent.click(screen.getByTestId('mode-bilingual'));
    const pairs = screen.getAllByTestId('bi-pair');
    expect(pairs.map((p) => [p.querySelector('.bi-original')?.textContent, p.querySelector('.bi-translation')?.textContent])).toEqual([
      ['Latar belakang', 'Latar belakang (ms)'],
      ['Paragraf pertama.', 'Perenggan pertama.'],
      ['Paragraf kedua.', 'Not translated: the original textParagraf kedua.'],
    ]);
    expect(pairs[0]?.querySelector('.bi-original h2')).not.toBeNull();
    expect(pairs[1]?.querySelector('.bi-translation')?.getAttribute('lang')).toBe('ms');
    expect(pairs[2]?.querySelector('.bi-translation')?.getAttribute('lang')).toBe('id');
    expect(screen.getByTestId('reader-body').querySelectorAll('img')).toHaveLength(1);
    expect(screen.getByTestId('reader-title-translation').textContent).toBe('Diplomasi Bayang');

    fireEvent.click(screen.getByTestId('mode-original'));
    expect(screen.getByTestId('reader-title').textContent).toBe('Diplomasi Bayangan');
    expect(screen.queryByTestId('bi-pair')).toBeNull();
    expect(fake.calls.length).toBe(calls);
  });

  it('cycles the views with L when a translation is shown, and does nothing without one', async () => {
    expect(commandFor({ key: 'l', ctrlKey: false, metaKey: false, altKey: false, isComposing: false, target: document.body })).toBe('translation');
    await openSeed();
    expect(runCommand('translation')).toBe(false);
    cleanup();
    fake.translations.set('a00001', { ms: malay() });
    await openSeed();
    act(() => void runCommand('translation'));
    expect(screen.getByTestId('mode-translated').getAttribute('aria-pressed')).toBe('true');
    act(() => void runCommand('translation'));
    expect(screen.getByTestId('mode-bilingual').getAttribute('aria-pressed')).toBe('true');
  });
});

describe('translating from the reader', () => {
  it('offers Translate, always/never in the bar\'s menu, shows progress with Cancel, then the translation', async () => {
    useSettings.setState({ settings: { ...DEFAULT_SETTINGS, translateTo: 'ms' } });
    const answer = deferred<Translation>();
    fake.translateWith = () => answer.promise;
    await openSeed();
    fireEvent.click(screen.getByTestId('translate-menu'));
    expect(screen.getByTestId('translate-menu-panel').textContent).toContain('Never suggest for Indonesian');
    fireEvent.click(screen.getByTestId('translate-menu'));
    fireEvent.click(screen.getByTestId('translate-button'));
    act(() => fake.emit('translate:progress', { id: 'a00001', done: 2, total: 5, failed: 0 }));
    expect(screen.getByTestId('translate-progress').textContent).toContain('Translating: 2 of 5 blocks');
    // The original stays readable meanwhile.
    expect(screen.getByTestId('reader-body').textContent).toContain('Paragraf pertama.');
    fireEvent.click(screen.getByTestId('translate-cancel'));
    expect(fake.callsTo('translate:cancel')).toEqual([['a00001']]);
    await act(async () => answer.resolve(malay()));
    await waitFor(() => expect(screen.getByTestId('mode-translated').getAttribute('aria-pressed')).toBe('true'));
    expect(fake.callsTo('translate:article')).toEqual([['a00001', 'ms', null]]);
    expect(screen.getByTestId('translate-button').textContent).toBe('Re-translate');

    cleanup();
    useReader.getState().close();
    fake.translations.clear();
    useSettings.setState({ settings: { ...DEFAULT_SETTINGS, translateTo: 'ms', neverTranslateFrom: ['id'] } });
    await openSeed();
    fireEvent.click(screen.getByTestId('translate-menu'));
    const never = screen.getByRole('button', { name: 'Never suggest for Indonesian' });
    expect(never.getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('translate-button')).toBeTruthy();
  });

  it('translates on open for "always" languages; with no engine, the message names the pack to add', async () => {
    useSettings.setState({ settings: { ...DEFAULT_SETTINGS, translateTo: 'ms', alwaysTranslateFrom: ['id'] } });
    await openSeed();
    await waitFor(() => expect(fake.callsTo('translate:article')).toEqual([['a00001', 'ms', null]]));
    expect((await screen.findByTestId('translate-error')).textContent).toBe(
      'No translation engine on this computer translates Indonesian into Malay. Add the language pack “id-ms” in Settings → Language packs (from a folder or by download), or install the Apertium pair for these languages.',
    );
    // Tried once per article and language, not again on every render.
    fireEvent.click(screen.getByTestId('source-lang'));
    expect(fake.callsTo('translate:article')).toHaveLength(1);
  });

  it('corrects the source language and remembers it through main', async () => {
    await openSeed();
    fireEvent.change(screen.getByTestId('source-lang'), { target: { value: 'ms' } });
    await waitFor(() => expect((screen.getByTestId('source-lang') as HTMLSelectElement).value).toBe('ms'));
    expect(fake.callsTo('translate:setSourceLang')).toEqual([['a00001', 'ms']]);
  });
});

describe('list titles', () => {
  it('shows the stored translation’s title in the target language, else the original', () => {
    const meta = { title: 'Diplomasi Bayangan', lang: 'id', translatedTitles: { ms: 'Diplomasi Bayang' } };
    expect(listTitle(meta, 'ms')).toEqual({ text: 'Diplomasi Bayang', lang: 'ms', translated: true });
    expect(listTitle(meta, 'en-US')).toEqual({ text: 'Diplomasi Bayangan', lang: 'id', translated: false });
    expect(listTitle({ ...meta, lang: 'ms' }, 'ms')).toEqual({ text: 'Diplomasi Bayangan', lang: 'ms', translated: false });
  });
});
