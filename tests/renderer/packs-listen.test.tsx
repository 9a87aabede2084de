// @vitest-environment jsdom
/**
 * Translate that works the first time: a missing pack is offered ("Download Indonesian → English
 * (27 MB)"), downloads with progress and then translates; offline says when it will work;
 * "Translate into" lists ready languages first with pack sizes for the others. And Listen in the
 * reader: espeak-ng paragraphs requested from main, "no voice" said.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Reader } from '../../renderer/src/features/reader/Reader';
import { openArticle } from '../../renderer/src/stores/actions';
import { usePackSource } from '../../renderer/src/stores/packSource';
import { useReader } from '../../renderer/src/stores/reader';
import { DEFAULT_SETTINGS, useSettings } from '../../renderer/src/stores/settings';
import { useTranslate } from '../../renderer/src/stores/translate';
import type { Block, TargetLanguageInfo, Translation } from '../../preload/contract';
import { FakeKabar, deferred, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;
const BLOCKS: Block[] = [
  { type: 'paragraph', text: 'Paragraf pertama. Kalimat kedua.' },
  { type: 'paragraph', text: 'Paragraf kedua.' },
];
const ENGLISH: Translation = { lang: 'en', title: 'Shadow diplomacy', blocks: [{ type: 'paragraph', text: 'First paragraph. Second sentence.' }, { type: 'paragraph', text: 'Second paragraph.' }], engine: 'bergamot', model: 'id-en@1.0', createdAt: '2026-01-02T00:00:00.000Z' };

const needEn: TargetLanguageInfo = { lang: 'en', ready: false, engines: [], packs: ['id-en'], bytes: 27_400_000, partialBytes: 0 };
const readyMs: TargetLanguageInfo = { lang: 'ms', ready: true, engines: ['apertium'], packs: [], bytes: 0, partialBytes: 0 };

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  fake.articles.push(makeMeta(1, { title: 'Diplomasi Bayangan', lang: 'id' }));
  fake.bodies.set('a00001', BLOCKS);
  useReader.getState().close();
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS, translateTo: 'en' } });
  useTranslate.setState({ mode: null, targets: {}, jobs: {}, errors: {} });
  usePackSource.setState({ listing: null, listingError: null, targets: {}, download: null });
  fake.handlers['packs:targets'] = async () => [readyMs, needEn];
});
afterEach(cleanup);

async function open(): Promise<void> {
  render(<Reader />);
  await act(async () => openArticle('a00001'));
  await screen.findByTestId('translate-bar');
}

describe('translate that works the first time', () => {
  it('orders "Translate into" ready-first and says which need a pack and how large', async () => {
    await open();
    const select = screen.getByTestId('target-lang') as HTMLSelectElement;
    await waitFor(() => expect(select.options[0]?.value).toBe('ms'));
    const english = [...select.options].find((o) => o.value === 'en');
    expect(english?.textContent).toBe('English — needs a language pack (≈ 27 MB)');
    expect([...select.options].findIndex((o) => o.value === 'en')).toBeGreaterThan(0);
  });

  it('offers the missing pack, downloads it with progress and Cancel, then translates', async () => {
    const finish = deferred<void>();
    fake.handlers['packs:get'] = async (from, to) => {
      fake.emit('packs:download', { from, to, pack: 'id-en', phase: 'downloading', done: 13_700_000, total: 27_400_000 });
      await finish.promise;
      fake.translateWith = async () => ENGLISH;
      return { installed: [], route: 'id-en@1.0', fetchedBytes: 27_400_000 };
    };
    fake.handlers['packs:cancel'] = async () => true;
    await open();
    fireEvent.click(screen.getByTestId('translate-button'));
    const offer = await screen.findByRole('button', { name: 'Download Indonesian → English (27 MB)' });
    fireEvent.click(offer);
    const progress = await screen.findByTestId('pack-offer-progress');
    await waitFor(() => expect(within(progress).getByRole('progressbar')).toHaveProperty('value', 13_700_000));
    expect(progress.textContent).toContain('14 MB of 27 MB');
    fireEvent.click(within(progress).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'packs:cancel')).toBe(true));
    await act(async () => finish.resolve());
    // The pack is in: the translation runs by itself and shows.
    await waitFor(() => expect(screen.getByTestId('reader-body').textContent).toContain('First paragraph.'));
    expect(fake.calls.filter((c) => c.channel === 'translate:article').length).toBe(2);
    expect(fake.calls.find((c) => c.channel === 'packs:get')?.args).toEqual(['id', 'en']);
  });

  it('offline: says the download will be possible when online', async () => {
    fake.handlers['packs:get'] = async () => {
      throw Object.assign(new Error('offline'), { code: 'OFFLINE', params: { host: 'firefox.settings.services.mozilla.com', reason: 'ENOTFOUND' } });
    };
    await open();
    fireEvent.click(screen.getByTestId('translate-button'));
    fireEvent.click(await screen.findByTestId('pack-offer-download'));
    expect((await screen.findByTestId('pack-offer-offline')).textContent).toBe('You are offline. Downloading the language pack will be possible when you are online.');
  });
});

describe('listen', () => {
  it('asks main for espeak-ng audio of the first paragraph (no system voices in jsdom) and says when there is no voice', async () => {
    fake.handlers['speech:paragraph'] = async () => {
      throw Object.assign(new Error('no voice'), { code: 'NO_VOICE', params: { lang: 'id', language: 'Indonesian' } });
    };
    await open();
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    expect((await screen.findByTestId('listen-no-voice')).textContent).toBe('There is no voice for Indonesian on this computer, so it cannot be read aloud.');
    expect(fake.calls.find((c) => c.channel === 'speech:paragraph')?.args).toEqual(['Paragraf pertama. Kalimat kedua.', 'id', 1]);
  });
});
