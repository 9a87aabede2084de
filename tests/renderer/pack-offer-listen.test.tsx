// @vitest-environment jsdom
/** The one-click pack offer (size, progress, Cancel, offline) and the Listen controls, in English and Arabic. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ListenBar } from '../../renderer/src/features/listen/ListenBar';
import { PackOffer } from '../../renderer/src/features/translate/PackOffer';
import { i18n } from '../../renderer/src/i18n';
import { setupDom } from './setup';

beforeEach(async () => setupDom());
afterEach(async () => {
  cleanup();
  await i18n.changeLanguage('en');
});

const offline = { code: 'OFFLINE', message: 'Downloading language packs is possible when online', params: {} };

describe('pack offer', () => {
  it('offers the download with its size, shows progress with Cancel, and says offline when offline', () => {
    const onDownload = vi.fn();
    const onCancel = vi.fn();
    const need = { packs: ['id-en'], bytes: 27_450_000 };
    const { rerender } = render(<PackOffer from="id" to="en" need={need} state={{ status: 'idle' }} onDownload={onDownload} onCancel={onCancel} />);
    fireEvent.click(screen.getByRole('button', { name: 'Download Indonesian → English (27 MB)' }));
    expect(onDownload).toHaveBeenCalledOnce();

    rerender(<PackOffer from="id" to="en" need={need} state={{ status: 'downloading', done: 13_700_000, total: 27_450_000 }} onDownload={onDownload} onCancel={onCancel} />);
    expect(screen.getByRole('progressbar', { name: 'Language pack download' })).toHaveProperty('value', 13_700_000);
    expect(screen.getByTestId('pack-offer-progress').textContent).toContain('14 MB of 27 MB');
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledOnce();

    rerender(<PackOffer from="id" to="en" need={{ ...need, partialBytes: 13_700_000 }} state={{ status: 'failed', error: offline }} onDownload={onDownload} onCancel={onCancel} />);
    expect(screen.getByRole('alert').textContent).toBe('You are offline. Downloading the language pack will be possible when you are online.');
    expect(screen.getByTestId('pack-offer-download').textContent).toBe('Resume the download Indonesian → English (14 MB of 27 MB)');
  });

  it('names the pivot when two packs are needed, and speaks Arabic', async () => {
    await i18n.changeLanguage('ar');
    render(<PackOffer from="id" to="ms" need={{ packs: ['id-en', 'en-ms'], bytes: 55_000_000 }} state={{ status: 'idle' }} onDownload={() => undefined} onCancel={() => undefined} />);
    expect(screen.getByTestId('pack-offer').textContent).toContain('عبر الإنجليزية');
    expect(screen.getByTestId('pack-offer-download').textContent).toBe('تنزيل الإندونيسية ← الماليزية (55 م.ب)');
  });
});

describe('listen bar', () => {
  it('plays, pauses, moves paragraphs, changes speed, and says when there is no voice', () => {
    const calls: string[] = [];
    const props = {
      lang: 'id',
      rate: 1,
      paragraphs: 3,
      onToggle: () => calls.push('toggle'),
      onPrevious: () => calls.push('previous'),
      onNext: () => calls.push('next'),
      onStop: () => calls.push('stop'),
      onRate: (r: number) => calls.push(`rate ${r}`),
    };
    const { rerender } = render(<ListenBar {...props} state={{ status: 'idle', index: 0, block: null, sentence: null }} />);
    fireEvent.click(screen.getByRole('button', { name: 'Listen' }));
    // Idle, only Listen shows (the reader's control row stays one row); the rest appears with playback.
    expect(screen.queryByRole('button', { name: 'Previous paragraph' })).toBeNull();
    rerender(<ListenBar {...props} state={{ status: 'playing', index: 0, block: 1, sentence: { start: 0, end: 10 } }} />);
    expect(screen.getByRole('button', { name: 'Previous paragraph' })).toHaveProperty('disabled', true);
    rerender(<ListenBar {...props} state={{ status: 'playing', index: 1, block: 2, sentence: { start: 0, end: 10 } }} />);
    expect(screen.getByTestId('listen-status').textContent).toBe('Paragraph 2 of 3');
    fireEvent.click(screen.getByRole('button', { name: 'Pause' }));
    fireEvent.click(screen.getByRole('button', { name: 'Next paragraph' }));
    fireEvent.click(screen.getByRole('button', { name: 'Previous paragraph' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: '1.5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Stop' }));
    rerender(<ListenBar {...props} state={{ status: 'paused', index: 2, block: 4, sentence: null }} />);
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Next paragraph' })).toHaveProperty('disabled', true);
    expect(calls).toEqual(['toggle', 'toggle', 'next', 'previous', 'rate 1.5', 'stop']);
    rerender(<ListenBar {...props} lang="tlh" state={{ status: 'error', index: 0, block: null, sentence: null, error: { code: 'NO_VOICE', message: 'x', params: {} } }} />);
    expect(screen.getByRole('alert').textContent).toMatch(/^There is no voice for .* on this computer/);
  });
});
