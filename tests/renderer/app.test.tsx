// @vitest-environment jsdom
/** The whole shell over the fake bridge: first run, menu commands, language switch, import results, recovery. */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/src/App';
import { useImport } from '../../renderer/src/stores/importer';
import { useLibrary } from '../../renderer/src/stores/library';
import { useReader } from '../../renderer/src/stores/reader';
import { useSearch } from '../../renderer/src/stores/search';
import { useSettings, DEFAULT_SETTINGS } from '../../renderer/src/stores/settings';
import { useUi } from '../../renderer/src/stores/ui';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  useUi.setState({ dialog: null, notice: null, recoveryDismissed: false, searchFocus: 0 });
  useSettings.setState({ settings: DEFAULT_SETTINGS, appInfo: null, error: null });
  useImport.setState({ urlsText: '', tagsText: '', running: false, progress: null, results: [], summary: null, error: null });
  useLibrary.setState({ filter: { view: 'all', tags: [], lang: null }, pages: {}, total: null, selectedIndex: 0, selectedId: null, counts: null });
  useSearch.getState().clear();
  useReader.getState().close();
});
afterEach(cleanup);

async function start(count: number, setup?: (f: FakeKabar) => void): Promise<void> {
  fake = new FakeKabar(count);
  setup?.(fake);
  fake.install();
  render(<App />);
  await screen.findByTestId('sidebar');
}

describe('app shell', () => {
  it('welcomes a first-time user with the ways to add articles', async () => {
    await start(0);
    const welcome = await screen.findByTestId('welcome');
    expect(within(welcome).getByRole('heading', { name: 'Welcome to Kabar' })).toBeTruthy();
    expect(within(welcome).getByText(/Drag and drop/)).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Library' })).toBeTruthy();
    expect(screen.getByRole('main')).toBeTruthy();
    expect(screen.getByTestId('offline-indicator').textContent).toContain('Online');
  });

  it('sends translated menu labels at start-up', async () => {
    await start(1);
    await waitFor(() => expect(fake.callsTo('menu:setStrings').length).toBeGreaterThan(0));
    const strings = fake.callsTo('menu:setStrings')[0]?.[0] as Record<string, string>;
    expect(strings.importFiles).toBe('Import Files…');
  });

  it('answers menu commands: settings, then a language switch that mirrors the layout', async () => {
    await start(3);
    act(() => fake.emit('menu:command', { command: 'settings' }));
    const dialog = await screen.findByTestId('settings-dialog');
    expect(dialog.getAttribute('role')).toBe('dialog');
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    const select = screen.getByTestId('language-select') as HTMLSelectElement;
    expect(select.value).toBe('system');
    expect(within(select).getByText('العربية')).toBeTruthy();
    fireEvent.change(select, { target: { value: 'ar' } });
    await waitFor(() => expect(document.documentElement.dir).toBe('rtl'));
    expect(document.documentElement.lang).toBe('ar');
    expect(fake.callsTo('settings:set')).toContainEqual([{ locale: 'ar' }]);
    act(() => fake.emit('menu:command', { command: 'locale:en' }));
    await waitFor(() => expect(document.documentElement.dir).toBe('ltr'));
  });

  it('closes a dialog on Escape and gives focus back', async () => {
    await start(2);
    const button = screen.getByRole('button', { name: /Settings/ });
    button.focus();
    fireEvent.click(button);
    const dialog = await screen.findByTestId('settings-dialog');
    expect(dialog.contains(document.activeElement)).toBe(true);
    fireEvent.keyDown(document.activeElement as Element, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('settings-dialog')).toBeNull());
    expect(document.activeElement).toBe(button);
  });

  it('imports URLs with tags and lists a translated result per source', async () => {
    await start(1, (f) => {
      f.handlers['import:urls'] = async (urls) => {
        f.emit('import:progress', { done: 1, total: 2, source: urls[0] as string });
        return {
          imported: 1,
          duplicates: 0,
          failed: 1,
          results: [
            { source: urls[0] as string, ok: true, id: 'a00000', title: 'Saved story', created: true },
            { source: urls[1] as string, ok: false, error: { code: 'HTTP_ERROR', message: 'x', params: { status: 404 } } },
          ],
        };
      };
    });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    const dialog = await screen.findByTestId('import-dialog');
    fireEvent.change(within(dialog).getByLabelText('Web addresses, one per line'), { target: { value: 'https://a.example/1\n\nhttps://b.example/2\n' } });
    fireEvent.change(within(dialog).getByLabelText('Tags for these articles (optional)'), { target: { value: 'world, asia' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save articles' }));
    const results = await screen.findByTestId('import-results');
    expect(fake.callsTo('import:urls')).toEqual([[['https://a.example/1', 'https://b.example/2'], ['world', 'asia']]]);
    expect(within(results).getByText('Saved story')).toBeTruthy();
    expect(within(results).getByText(/error 404/)).toBeTruthy();
    expect(screen.getByTestId('import-progress')).toBeTruthy();
    // Walk item 3: the failed address stays in the box, and "Retry failed" sends only it.
    await waitFor(() => expect((within(dialog).getByLabelText('Web addresses, one per line') as HTMLTextAreaElement).value).toBe('https://b.example/2'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Retry failed (1)' }));
    await waitFor(() => expect(fake.callsTo('import:urls')).toHaveLength(2));
    expect(fake.callsTo('import:urls')[1]).toEqual([['https://b.example/2'], ['world', 'asia']]);
  });

  it('shows a dismissible notice when the library was repaired', async () => {
    await start(1, (f) => {
      f.info = { ...f.info, recovery: { movedAsideTo: '/data/library.json.damaged-1', restoredFrom: '/data/backups/b1', articlesRecovered: 2, message: 'x' } };
    });
    const notice = await screen.findByTestId('recovery-notice');
    expect(within(notice).getByText(/library.json.damaged-1/)).toBeTruthy();
    expect(within(notice).getByText('2 articles were found on disk and added back.')).toBeTruthy();
    fireEvent.click(within(notice).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByTestId('recovery-notice')).toBeNull();
  });

  it('refreshes the list and counts when the library changes', async () => {
    await start(2);
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(2));
    fake.articles.push({ ...fake.articles[0]!, id: 'new1', title: 'Fresh' });
    act(() => fake.emit('library:changed', { ids: ['new1'] }));
    await waitFor(() => expect(screen.getAllByTestId('article-row')).toHaveLength(3));
    expect(screen.getByRole('button', { name: /All articles/ }).textContent).toContain('3');
  });
});
