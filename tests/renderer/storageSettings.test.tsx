// @vitest-environment jsdom
/** Settings → Storage & backup: the library folder, a backup (saved, cancelled, failed in words), sizes in kB or MB. */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileSize, StorageSettings } from '../../renderer/src/features/settings/StorageSettings';
import { DEFAULT_SETTINGS, useSettings } from '../../renderer/src/stores/settings';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;
let answers: unknown[];

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  answers = [];
  fake.handlers['export:backup'] = async () => {
    const next = answers.shift();
    if (next instanceof Error) throw next;
    return next as null;
  };
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS }, appInfo: { version: '1.2.3', dataDir: '/home/rina/.config/kabar', systemLocale: 'en-US', mediaBase: '', recovery: null }, error: null });
});
afterEach(cleanup);

describe('Settings → Storage & backup', () => {
  it('backs up with translated dialog strings; cancel says nothing; a full disk says so', async () => {
    render(<StorageSettings />);
    expect(screen.getByTestId('data-dir').textContent).toBe('/home/rina/.config/kabar');
    answers.push(null);
    fireEvent.click(screen.getByRole('button', { name: 'Back up the library…' }));
    await waitFor(() => expect(fake.callsTo('export:backup')).toEqual([[{ title: 'Save a backup of the library', button: 'Save backup', filterName: 'Kabar backup' }]]));
    await waitFor(() => expect((screen.getByTestId('backup-button') as HTMLButtonElement).disabled).toBe(false));
    expect(screen.getByTestId('backup-status').textContent).toBe('');

    answers.push({ file: '/media/usb/kabar-backup.tar.gz', files: 1234, bytes: 45_600_000 });
    fireEvent.click(screen.getByTestId('backup-button'));
    await waitFor(() => expect(screen.getByTestId('backup-status').textContent).toBe('Backed up 1,234 files (45.6 MB) to /media/usb/kabar-backup.tar.gz'));

    answers.push(Object.assign(new Error('full'), { code: 'DISK_FULL', params: { path: '/media/usb' } }));
    fireEvent.click(screen.getByTestId('backup-button'));
    expect((await screen.findByRole('alert')).textContent).toMatch(/full/i);
    expect(screen.getByTestId('backup-status').textContent).toBe('');
  });

  it('sizes: kB under a megabyte, never "0"', () => {
    expect(fileSize(512, 'en')).toBe('1 kB');
    expect(fileSize(48_200, 'en')).toBe('48 kB');
    expect(fileSize(2_345_678, 'de')).toBe('2,3 MB');
  });
});
