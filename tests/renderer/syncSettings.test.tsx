// @vitest-environment jsdom
/** Settings → Accounts: add an account, the status line in its three shapes, Sync now, Remove, an error in the interface language. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SyncView } from '../../preload/contract';
import { AccountSettings } from '../../renderer/src/features/sync/AccountSettings';
import { useSync } from '../../renderer/src/stores/sync';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;
let view: SyncView | null;

const account = (patch: Partial<SyncView> = {}): SyncView => ({
  url: 'http://rss.example.org/api/greader.php',
  user: 'alice',
  days: 14,
  intervalMinutes: 30,
  lastSyncAt: new Date(Date.now() - 2 * 60_000).toISOString(),
  lastError: null,
  waiting: 0,
  running: false,
  credentialStore: 'keychain',
  syncedFeeds: 3,
  ...patch,
});

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  view = null;
  useSync.setState({ view: undefined, busy: false, error: null });
  fake.handlers['sync:status'] = async () => view;
  fake.handlers['sync:add'] = async (input) => {
    if (input.password !== 'right') throw Object.assign(new Error('refused'), { code: 'SYNC_AUTH_FAILED', params: { server: 'http://rss.example.org', user: input.user } });
    view = account({ lastSyncAt: null, running: true });
    return view;
  };
  fake.handlers['sync:now'] = async () => (view = account({ lastSyncAt: new Date().toISOString() }));
  fake.handlers['sync:remove'] = async () => {
    view = null;
    return { dropped: 0 };
  };
});
afterEach(cleanup);

describe('Settings → Accounts', () => {
  it('adds an account (a wrong password says so in words), then syncs and removes it', async () => {
    render(<AccountSettings />);
    await screen.findByTestId('sync-add');
    expect(screen.getByText(/Saved web pages stay on this computer/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('API address'), { target: { value: 'http://rss.example.org/api/greader.php' } });
    fireEvent.change(screen.getByLabelText('User name'), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText('API password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect((await screen.findByRole('alert')).textContent).toContain('refused the user name or API password for alice');
    fireEvent.change(screen.getByLabelText('API password'), { target: { value: 'right' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add account' }));
    expect((await screen.findByTestId('sync-status')).textContent).toBe('Syncing…');
    expect(fake.callsTo('sync:add')[1]).toEqual([{ url: 'http://rss.example.org/api/greader.php', user: 'alice', password: 'right', days: 14, intervalMinutes: 30 }]);
    act(() => fake.emit('sync:changed', account()));
    expect(screen.getByTestId('sync-status').textContent).toBe('Synced 2 min. ago');
    fireEvent.click(screen.getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(fake.callsTo('sync:now')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Remove account' }));
    await screen.findByTestId('sync-add');
  });

  it('shows offline with the changes waiting, and a wrong password with the account', async () => {
    view = account({ lastError: { code: 'SYNC_OFFLINE', message: 'x', params: { server: 'http://rss.example.org' } }, waiting: 12 });
    render(<AccountSettings />);
    expect((await screen.findByTestId('sync-status')).textContent).toBe('Offline — 12 changes waiting');
    act(() => fake.emit('sync:changed', account({ lastError: { code: 'SYNC_AUTH_FAILED', message: 'x' }, waiting: 1 })));
    expect(screen.getByTestId('sync-status').textContent).toBe('Wrong password for alice@rss.example.org — 1 change waiting');
    expect(screen.getByText(/kept in the system keychain/)).toBeTruthy();
  });

  it('changes the sync interval and the days of history, and subscribes to a feed on the server', async () => {
    view = account();
    fake.handlers['sync:options'] = async (patch) => (view = account({ ...(view as SyncView), ...patch }));
    fake.handlers['sync:subscribe'] = async (url) => {
      if (!url.endsWith('.xml')) throw Object.assign(new Error('refused'), { code: 'SYNC_SUBSCRIBE_FAILED', params: { server: 'http://rss.example.org', url } });
      return (view = account({ syncedFeeds: 4 }));
    };
    render(<AccountSettings />);
    const interval = (await screen.findByLabelText('Sync automatically')) as HTMLSelectElement;
    expect(interval.value).toBe('30');
    expect([...interval.options].map((o) => o.textContent)).toContain('Only at start, after refreshes and on Sync now');
    fireEvent.change(interval, { target: { value: '60' } });
    await waitFor(() => expect(fake.callsTo('sync:options')).toEqual([[{ intervalMinutes: 60 }]]));
    await waitFor(() => expect((screen.getByLabelText('Sync automatically') as HTMLSelectElement).value).toBe('60'));
    const days = screen.getByLabelText('Days of history to fetch') as HTMLSelectElement;
    expect(days.value).toBe('14');
    fireEvent.change(days, { target: { value: '90' } });
    await waitFor(() => expect(fake.callsTo('sync:options')[1]).toEqual([{ days: 90 }]));
    await waitFor(() => expect((screen.getByLabelText('Days of history to fetch') as HTMLSelectElement).value).toBe('90'));

    const form = screen.getByTestId('sync-subscribe');
    fireEvent.change(within(form).getByLabelText('Feed address'), { target: { value: 'http://feeds.example.org/page.html' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe on the server' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The sync server http://rss.example.org could not subscribe to http://feeds.example.org/page.html. Check that the address is a feed the server can reach.');
    fireEvent.change(within(form).getByLabelText('Feed address'), { target: { value: 'http://feeds.example.org/news.xml' } });
    fireEvent.change(within(form).getByLabelText('Folder (optional)'), { target: { value: 'Berita' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Subscribe on the server' }));
    expect(await within(form).findByText('Subscribed. The feed appears on your other devices at their next sync.')).toBeTruthy();
    expect(fake.callsTo('sync:subscribe')[1]).toEqual(['http://feeds.example.org/news.xml', 'Berita']);
    expect(screen.getByText(/4 synced feeds/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
