// @vitest-environment jsdom
/** File → Export… (issue 12): format, scope and bilingual choices reach export:library; the outcome and a failure are shown in the interface language. */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { runMenuCommand } from '../../renderer/src/features/shortcuts/useAppEvents';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useUi } from '../../renderer/src/stores/ui';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';
import type { ExportRequest, LibraryExportResult } from '../../preload/contract';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  useUi.setState({ dialog: null, notice: null });
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
  useReader.getState().close();
  fake = new FakeKabar(5);
  fake.handlers['export:library'] = async (request: ExportRequest): Promise<LibraryExportResult> => {
    fake.emit('export:progress', { done: 2, total: 2 });
    return { format: request.format, path: '/home/u/kabar.csv', articles: 2, skipped: 1, images: 0, translated: 0, damaged: [], bytes: 120 };
  };
  fake.install();
  render(<App />);
  await screen.findByTestId('sidebar');
});
afterEach(cleanup);

function openExport(): HTMLElement {
  runMenuCommand('export-library', ((key: string) => key) as never);
  return screen.getByTestId('export-dialog');
}

describe('export dialog', () => {
  it('sends the chosen format and scope, and shows what was written', async () => {
    const dialog = await waitFor(openExport);
    fireEvent.click(within(dialog).getByLabelText('Pocket CSV'));
    expect(within(dialog).queryByLabelText(/Bilingual/)).toBeNull(); // only for EPUB
    fireEvent.click(within(dialog).getByLabelText('The whole library'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(fake.callsTo('export:library')).toHaveLength(1));
    const [request, strings] = fake.callsTo('export:library')[0] as [ExportRequest, { title: string }];
    expect(request).toEqual({ format: 'pocket-csv' });
    expect(strings.title).toBe('Export to');
    const result = await within(dialog).findByTestId('export-result');
    expect(result.textContent).toBe('2 articles written to /home/u/kabar.csv. 1 article has no web address and could not be a bookmark.');
  });

  it('asks for a bilingual EPUB of the open article with the book strings in the interface language', async () => {
    await useReader.getState().open(fake.articles[1]!.id);
    const dialog = await waitFor(openExport);
    fireEvent.click(within(dialog).getByLabelText(/^This article:/));
    fireEvent.click(within(dialog).getByLabelText(/Bilingual/));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    await waitFor(() => expect(fake.callsTo('export:library')).toHaveLength(1));
    expect(fake.callsTo('export:library')[0]?.[0]).toEqual({
      format: 'epub',
      ids: [fake.articles[1]!.id],
      bilingual: true,
      labels: { contents: 'Contents', subtitle: 'Articles saved with Kabar' },
    });
  });

  it('shows why nothing was exported, translated, and lets the user try again', async () => {
    fake.failNext.set('export:library', { code: 'NOTHING_TO_EXPORT', message: 'english detail', params: {} });
    const dialog = await waitFor(openExport);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Export…' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('There is nothing to export');
    expect(alert.textContent).not.toContain('english detail');
    expect((within(dialog).getByRole('button', { name: 'Export…' }) as HTMLButtonElement).disabled).toBe(false);
  });
});
