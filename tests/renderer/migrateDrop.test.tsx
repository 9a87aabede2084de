// @vitest-environment jsdom
/** Dropping another app's export on the window opens "Import from another app" and imports it; pages still go to the article import. */
import { cleanup, fireEvent, render, waitFor } from '@testing-library/react';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDropped } from '../../renderer/src/features/import/chooseFiles';
import { useDropImport } from '../../renderer/src/features/import/useDropImport';
import { isExportFile } from '../../renderer/src/features/migrate/dropExport';
import { useImport } from '../../renderer/src/stores/importer';
import { useMigrate } from '../../renderer/src/stores/migrate';
import { useUi } from '../../renderer/src/stores/ui';
import type { DroppedFile, MigrateSummary } from '../../preload/contract';
import { CORPUS } from '../unit/helpers';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

const SAMPLES = join(CORPUS, 'imports', 'wallabag');
let fake: FakeKabar;

const summary: MigrateSummary = { format: 'wallabag-json', entries: 6, total: 6, imported: 6, alreadyThere: 0, linksWaiting: 0, withContent: 6, highlights: 0, failed: 0, failures: [] };

/** A File with the bytes of a corpus sample. */
function corpusFile(name: string, as = name): File {
  return new File([readFileSync(join(SAMPLES, name))], as);
}

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar();
  fake.handlers['migrate:importFile'] = async () => summary;
  fake.handlers['migrate:importPath'] = async () => summary;
  fake.handlers['migrate:fetchStatus'] = async () => ({ total: 0, done: 0, fetched: 0, failed: 0, waiting: 0, paused: false, offline: false, failures: [] });
  window.kabar = fake.bridge();
  useImport.setState({ running: false, progress: null, results: [], summary: null, error: null });
  useMigrate.setState({ running: false, progress: null, summary: null, fetch: null, error: null });
  useUi.setState({ dialog: null });
});
afterEach(cleanup);

describe('dropping an export file', () => {
  it('tells exports from articles by name and content', async () => {
    expect(await isExportFile(corpusFile('wallabag-v2.json'))).toBe(true);
    expect(await isExportFile(corpusFile('pocket.csv'))).toBe(true);
    expect(await isExportFile(new File(['<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p><DT><A HREF="https://a.example/">A</A></DL>'], 'bookmarks.html'))).toBe(true);
    expect(await isExportFile(new File(['{"checksum":"x","roots":{"bookmark_bar":{"children":[]}},"version":1}'], 'Bookmarks'))).toBe(true);
    expect(await isExportFile(new File([readFileSync(join(CORPUS, 'articles/newspaper4k/html/cnn_article.html'))], 'cnn_article.html'))).toBe(false);
    expect(await isExportFile(new File(['just words'], 'note.txt'))).toBe(false);
    expect(await isExportFile(new File(['just words'], 'README'))).toBe(false);
  });

  it('opens the migrate dialog and imports a wallabag export by content; a page in the same drop goes to the article import', async () => {
    await importDropped([corpusFile('wallabag-v2.json'), new File(['<p>a page</p>'], 'page.html')], ['inbox']);
    const [sent, options] = fake.callsTo('migrate:importFile')[0] as [DroppedFile, { tags: string[] }];
    expect(sent.name).toBe('wallabag-v2.json');
    expect(new TextDecoder().decode(sent.data)).toBe(readFileSync(join(SAMPLES, 'wallabag-v2.json'), 'utf8'));
    expect(options.tags).toEqual(['inbox']);
    expect(useMigrate.getState().summary).toEqual(summary);
    const [files] = fake.callsTo('import:files')[0] as [DroppedFile[], string[]];
    expect(files.map((f) => f.name)).toEqual(['page.html']);
  });

  it('imports by path when the bridge has one, and a drop of only exports leaves the migrate dialog open', async () => {
    window.kabar = { ...fake.bridge(), pathForFile: (file: File) => (file.name === 'pocket.csv' ? '/home/me/pocket.csv' : '') };
    function Drop() {
      useDropImport(() => []);
      return null;
    }
    render(<Drop />);
    const dataTransfer = { types: ['Files'], files: [corpusFile('pocket.csv')], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    fireEvent.drop(window, { dataTransfer });
    await waitFor(() => expect(fake.callsTo('migrate:importPath')).toEqual([['/home/me/pocket.csv', { tags: [] }]]));
    expect(useUi.getState().dialog).toEqual({ kind: 'migrate' });
    expect(fake.callsTo('import:files')).toHaveLength(0);
    expect(fake.callsTo('import:paths')).toHaveLength(0);
  });
});
