// @vitest-environment jsdom
/** Dropped files: by path when the bridge knows one, else by content; other types are refused with a reason. */
import { cleanup, render, screen, waitFor, within, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importDropped, parseTags, parseUrls } from '../../renderer/src/features/import/chooseFiles';
import { ImportResults } from '../../renderer/src/features/import/ImportResults';
import { useDropImport } from '../../renderer/src/features/import/useDropImport';
import { useImport } from '../../renderer/src/stores/importer';
import type { DroppedFile } from '../../preload/contract';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar();
  useImport.setState({ running: false, progress: null, results: [], summary: null, error: null });
});
afterEach(cleanup);

function install(paths: Record<string, string>): void {
  window.kabar = { ...fake.bridge(), pathForFile: (file: File) => paths[file.name] ?? '' };
}

describe('dropped files', () => {
  it('imports by path when there is one, by content otherwise, and refuses other types', async () => {
    install({ 'a.html': '/home/me/a.html' });
    const files = [
      new File(['<p>a</p>'], 'a.html', { type: 'text/html' }),
      new File(['plain text'], 'b.TXT', { type: 'text/plain' }),
      new File([new Uint8Array([1, 2, 3])], 'photo.jpg', { type: 'image/jpeg' }),
    ];
    await importDropped(files, ['inbox']);
    expect(fake.callsTo('import:paths')).toEqual([[['/home/me/a.html'], ['inbox']]]);
    const [sent, tags] = fake.callsTo('import:files')[0] as [DroppedFile[], string[]];
    expect(tags).toEqual(['inbox']);
    expect(sent.map((f) => f.name)).toEqual(['b.TXT']);
    expect(sent[0]?.data).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(sent[0]?.data)).toBe('plain text');
    render(<ImportResults />);
    const list = screen.getByTestId('import-results');
    expect(within(list).getByText('photo.jpg')).toBeTruthy();
    expect(within(list).getByText(/Choose a \.txt, \.html or \.htm file/)).toBeTruthy();
  });

  it('listens for drops anywhere on the window', async () => {
    install({});
    function Drop() {
      const over = useDropImport(() => []);
      return <p>{over ? 'over' : 'idle'}</p>;
    }
    render(<Drop />);
    const file = new File(['text'], 'note.txt');
    const dataTransfer = { types: ['Files'], files: [file], dropEffect: 'none' };
    fireEvent.dragEnter(window, { dataTransfer });
    expect(screen.getByText('over')).toBeTruthy();
    fireEvent.drop(window, { dataTransfer });
    expect(screen.getByText('idle')).toBeTruthy();
    await waitFor(() => expect(fake.callsTo('import:files')).toHaveLength(1));
  });
});

describe('form parsing', () => {
  it('splits addresses by line and tags by commas (Latin, Arabic and CJK commas too)', () => {
    expect(parseUrls(' https://a.example \r\n\nhttps://b.example\n')).toEqual(['https://a.example', 'https://b.example']);
    expect(parseTags('world,  asia ، 政治，economy ,')).toEqual(['world', 'asia', '政治', 'economy']);
  });
});
