// @vitest-environment jsdom
/** Article blocks become React elements: links go to the system browser, markup stays text, RTL is honoured. */
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setMediaBase } from '../../renderer/src/media';
import { Blocks } from '../../renderer/src/features/reader/Blocks';
import { Reader } from '../../renderer/src/features/reader/Reader';
import { openArticle } from '../../renderer/src/stores/actions';
import { useReader } from '../../renderer/src/stores/reader';
import type { Block } from '../../preload/contract';
import { FakeKabar, makeMeta } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  setMediaBase('kabar-media://media/');
  useReader.getState().close();
});
afterEach(cleanup);

const blocks: Block[] = [
  { type: 'heading', level: 2, text: 'Background' },
  {
    type: 'paragraph',
    text: 'Read the report and <script>alert(1)</script> here.',
    inline: [
      { text: 'Read ' },
      { text: 'the report', href: 'https://example.org/report' },
      { text: ' and ' },
      { text: '<script>alert(1)</script>', code: true },
      { text: ' here', em: true },
      { text: '.', strong: true },
    ],
  },
  { type: 'paragraph', text: 'bad link', inline: [{ text: 'bad link', href: 'javascript:alert(1)' }] },
  { type: 'quote', text: 'A quote.' },
  { type: 'list', text: 'one\ntwo', ordered: true, items: [[{ text: 'one' }], [{ text: 'two', strong: true }]] },
  { type: 'image', text: '', media: `${'ab12'.repeat(16)}.jpg`, alt: 'A harbour at dawn', src: 'https://cdn.example.org/a.jpg' },
  // A tampered article file: a media name that is not a content hash is never requested.
  { type: 'image', text: '', media: '../../../etc/passwd', alt: 'Tampered media' },
  { type: 'image', text: '', src: 'https://tracker.example.org/pixel.gif', alt: 'Remote only' },
  { type: 'caption', text: 'Photo: somebody' },
  { type: 'code', text: 'const x = "<b>";' },
];

describe('block rendering', () => {
  it('renders each block type as elements, never as HTML', () => {
    const { container } = render(<Blocks blocks={blocks} />);
    expect(container.querySelector('h2')?.textContent).toBe('Background');
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('<script>alert(1)</script>');
    expect(container.querySelector('em')?.textContent).toBe(' here');
    expect(container.querySelector('blockquote')?.textContent).toBe('A quote.');
    expect([...container.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(container.querySelector('pre code')?.textContent).toBe('const x = "<b>";');
    expect(container.querySelector('.caption')?.textContent).toBe('Photo: somebody');
  });

  it('opens links in the system browser instead of navigating', () => {
    render(<Blocks blocks={blocks} />);
    const link = screen.getByRole('link', { name: 'the report' });
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    act(() => {
      link.dispatchEvent(click);
    });
    expect(click.defaultPrevented).toBe(true);
    expect(fake.callsTo('shell:openExternal')).toEqual([['https://example.org/report']]);
  });

  it('does not make javascript: URLs into links', () => {
    render(<Blocks blocks={blocks} />);
    expect(screen.queryByRole('link', { name: 'bad link' })).toBeNull();
    expect(screen.getByText('bad link').closest('a')).toBeNull();
  });

  it('loads images only from the offline media store; others show their alt text', () => {
    const { container } = render(<Blocks blocks={blocks} />);
    const imgs = [...container.querySelectorAll('img')];
    expect(imgs.map((i) => i.getAttribute('src'))).toEqual([`kabar-media://media/${'ab12'.repeat(16)}.jpg`]);
    expect(imgs[0]?.getAttribute('alt')).toBe('A harbour at dawn');
    expect(container.innerHTML).not.toContain('tracker.example.org');
    expect(screen.getByRole('img', { name: /Image not saved for offline reading: Remote only/ })).toBeTruthy();
    expect(screen.getByRole('img', { name: /Image not saved for offline reading: Tampered media/ })).toBeTruthy();
  });
});

describe('reader', () => {
  it('lays out an RTL article right to left with its language, and marks it read', async () => {
    fake.articles.push(makeMeta(1, { id: 'ar1', title: 'عنوان الخبر', lang: 'ar', dir: 'rtl', section: 'سياسة' }));
    fake.bodies.set('ar1', [{ type: 'paragraph', text: 'نص المقال' }]);
    render(<Reader />);
    await act(() => openArticle('ar1'));
    const article = await screen.findByTestId('reader');
    expect(article.tagName).toBe('ARTICLE');
    expect(article.getAttribute('dir')).toBe('rtl');
    expect(article.getAttribute('lang')).toBe('ar');
    expect(screen.getByTestId('reader-title').textContent).toBe('عنوان الخبر');
    expect(screen.getByTestId('reader-body').textContent).toBe('نص المقال');
    expect(screen.getByText('4 min read')).toBeTruthy();
    expect(fake.callsTo('article:setRead')).toEqual([['ar1', true]]);
  });

  it('toggles the bookmark from the toolbar', async () => {
    fake.articles.push(makeMeta(2));
    render(<Reader />);
    await act(() => openArticle('a00002'));
    fireEvent.click(await screen.findByRole('button', { name: /Bookmark/ }));
    // A toggle keeps its name ("Bookmark") and says its state with aria-pressed; the tooltip says "Bookmarked".
    await waitFor(() => expect(screen.getByRole('button', { name: 'Bookmark' }).getAttribute('aria-pressed')).toBe('true'));
    expect(screen.getByRole('button', { name: 'Bookmark' }).getAttribute('title')).toBe('Bookmarked');
    expect(fake.callsTo('article:setBookmarked')).toEqual([['a00002', true]]);
  });
});
