// @vitest-environment jsdom
/** The import-from-another-app dialog: opened from the Add dialog, "n of m" while importing, the summary, the fetch with Pause / Retry failed. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MigrateDialog } from '../../renderer/src/features/migrate/MigrateDialog';
import { useMigrate } from '../../renderer/src/stores/migrate';
import type { FetchStatus, MigrateSummary } from '../../preload/contract';
import { deferred, FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

const summary = (over: Partial<MigrateSummary> = {}): MigrateSummary => ({
  format: 'pocket-csv',
  entries: 7,
  total: 7,
  imported: 5,
  alreadyThere: 1,
  linksWaiting: 5,
  withContent: 0,
  highlights: 0,
  failed: 1,
  failures: [{ label: 'Evil', url: 'javascript:alert(1)', code: 'URL_REFUSED', message: 'refused' }],
  ...over,
});
const status = (over: Partial<FetchStatus> = {}): FetchStatus => ({ total: 5, done: 2, fetched: 1, failed: 1, waiting: 3, paused: false, offline: false, failures: [], ...over });

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar();
  window.kabar = fake.bridge();
  useMigrate.setState({ running: false, progress: null, summary: null, fetch: null, error: null });
});
afterEach(cleanup);

describe('MigrateDialog', () => {
  it('shows n of m while importing, then the summary with each failure translated', async () => {
    const done = deferred<MigrateSummary | null>();
    fake.handlers['migrate:choose'] = () => done.promise;
    fake.handlers['migrate:fetchStatus'] = async () => status({ total: 0, done: 0, fetched: 0, failed: 0, waiting: 5 });
    render(<MigrateDialog />);
    const dialog = screen.getByTestId('migrate-dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Choose an export file…' }));
    await waitFor(() => expect(fake.callsTo('migrate:choose')).toHaveLength(1));
    act(() => fake.emit('migrate:progress', summary({ entries: 3, total: 7 })));
    expect(await within(dialog).findByText('3 of 7')).toBeTruthy();
    await act(async () => done.resolve(summary()));
    const result = await within(dialog).findByTestId('migrate-summary');
    expect(result.textContent).toContain('Imported 5, already there 1, links waiting for their page 5, failed 1.');
    expect(result.textContent).toContain('Evil: This entry');
  });

  it('the fetch panel: progress, Pause, Resume, Retry failed', async () => {
    fake.handlers['migrate:fetchStatus'] = async () => status();
    fake.handlers['migrate:fetchPause'] = async () => status({ paused: true });
    fake.handlers['migrate:retryFailed'] = async () => 1;
    render(<MigrateDialog />);
    const panel = await screen.findByTestId('migrate-fetch');
    expect(within(panel).getByText('2 of 5 pages')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('button', { name: 'Pause' }));
    await waitFor(() => expect(fake.callsTo('migrate:fetchPause')).toHaveLength(1));
    fireEvent.click(within(panel).getByRole('button', { name: 'Retry failed' }));
    await waitFor(() => expect(fake.callsTo('migrate:retryFailed')).toHaveLength(1));
    act(() => fake.emit('migrate:fetchProgress', status({ paused: true })));
    expect(await within(panel).findByRole('button', { name: 'Resume' })).toBeTruthy();
    act(() => fake.emit('migrate:fetchProgress', status({ offline: true })));
    expect(await within(panel).findByText('Offline: waiting for the connection')).toBeTruthy();
  });
});
