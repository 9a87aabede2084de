// @vitest-environment jsdom
/**
 * Settings → Rules over the REAL core: the rules channels answer from main/handlers-marks.ts over a
 * real library in a temp folder holding real articles. Add (a malformed query shows its translated
 * QUERY_* error under the field), Test ("matches 2 articles"), reorder by buttons and Alt+↓, edit,
 * turn off, remove with Undo, and "apply to existing articles now" with the count changed.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openLibrary, type Library } from '../../main/core/store';
import { marksHandlers } from '../../main/handlers-marks';
import { RulesSettings } from '../../renderer/src/features/settings/RulesSettings';
import { useRules } from '../../renderer/src/stores/rules';
import { article, tempDir } from '../unit/helpers';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;
let library: Library;

beforeEach(async () => {
  await setupDom();
  fake = new FakeKabar().install();
  library = await openLibrary({ dir: await tempDir() });
  Object.assign(fake.handlers, marksHandlers(library));
  const para = (text: string) => ({ type: 'paragraph' as const, text });
  await library.add(article({ title: 'Diplomasi bayangan', url: 'https://nasional.kompas.com/a', blocks: [para('Kepala intelijen menelepon mitranya.')] }), { tags: ['politik'] });
  await library.add(article({ title: 'Sidang kabinet', url: 'https://nasional.kompas.com/b', blocks: [para('Presiden memimpin sidang kabinet.')] }), { tags: ['politik'] });
  await library.add(article({ title: 'Shadow diplomacy', lang: 'en', url: 'https://example.org/c', blocks: [para('The head of intelligence called.')] }));
  useRules.setState({ rules: null, error: null });
});
afterEach(async () => {
  cleanup();
  await library.close();
});

/** Fills the form and presses its main button. */
function fillRule(form: HTMLElement, query: string, tags: string, submit = 'Add rule'): void {
  fireEvent.change(within(form).getByLabelText('When an article matches'), { target: { value: query } });
  fireEvent.change(within(form).getByLabelText('Add tags (separated by commas)'), { target: { value: tags } });
  fireEvent.click(within(form).getByRole('button', { name: submit }));
}

const texts = (): string[] => screen.getAllByTestId('rule').map((li) => li.querySelector('.rule-text')?.textContent ?? '');

describe('Settings → Rules', () => {
  it('adds rules (a malformed query says why, under the field), tests one, reorders, edits, removes with Undo, applies', async () => {
    render(<RulesSettings />);
    expect(await screen.findByText('No rules yet.')).toBeTruthy();
    let form = screen.getByTestId('rule-form');

    // A malformed query: the core's QUERY_* error, translated, under the field; nothing saved.
    fillRule(form, 'tag:politik colour:red', 'berita');
    const error = await within(form).findByTestId('rule-query-error');
    expect(error.textContent).toBe('The search uses "colour:", which is not a filter (at character 13). Use tag:, lang:, site:, feed:, is:, has:, before: or after:.');
    expect(within(form).getByLabelText('When an article matches').getAttribute('aria-invalid')).toBe('true');
    expect(library.dataList('rules')).toEqual([]);

    // Test before saving: the real count over the library.
    fireEvent.change(within(form).getByLabelText('When an article matches'), { target: { value: 'tag:politik' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Test' }));
    expect(await within(form).findByText('This rule matches 2 articles.')).toBeTruthy();
    fillRule(form, 'tag:politik', 'berita, dalam negeri');
    await waitFor(() => expect(screen.getAllByTestId('rule')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'New rule' }));
    form = screen.getByTestId('rule-form');
    fireEvent.change(within(form).getByLabelText('When an article matches'), { target: { value: 'lang:en' } });
    fireEvent.click(within(form).getByLabelText('Mark it as read'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add rule' }));
    await waitFor(() => expect(screen.getAllByTestId('rule')).toHaveLength(2));
    expect(texts()).toEqual(['1. When it matches tag:politik: add tags berita, dalam negeri', '2. When it matches lang:en: mark as read']);

    // Test a saved rule.
    const first = screen.getAllByTestId('rule')[0] as HTMLElement;
    fireEvent.click(within(first).getByRole('button', { name: 'Test' }));
    expect((await within(first).findByText('This rule matches 2 articles.')).getAttribute('role')).toBe('status');

    // Reorder: the button, then Alt+↓ back; the order is the core's.
    const second = screen.getAllByTestId('rule')[1] as HTMLElement;
    fireEvent.click(within(second).getByRole('button', { name: 'Move up' }));
    await waitFor(() => expect(texts()[0]).toContain('lang:en'));
    expect(library.dataList('rules').map((r) => (r as { query: string }).query)).toEqual(['lang:en', 'tag:politik']);
    fireEvent.keyDown(within(screen.getAllByTestId('rule')[0] as HTMLElement).getByRole('button', { name: 'Test' }), { key: 'ArrowDown', altKey: true });
    await waitFor(() => expect(texts()[0]).toContain('tag:politik'));
    // The focus follows the moved rule (React moved its row).
    await waitFor(() => expect(document.activeElement?.closest('[data-rule]')?.textContent).toContain('lang:en'));

    // Edit the first rule: its query and actions change in place (same id, same place).
    const id = (library.dataList('rules')[0] as { id: string }).id;
    fireEvent.click(within(screen.getAllByTestId('rule')[0] as HTMLElement).getByRole('button', { name: 'Edit' }));
    form = screen.getByTestId('rule-form');
    expect((within(form).getByLabelText('When an article matches') as HTMLInputElement).value).toBe('tag:politik');
    fireEvent.click(within(form).getByLabelText('Bookmark it'));
    fillRule(form, 'tag:politik site:kompas.com', 'berita', 'Save rule');
    await waitFor(() => expect(texts()[0]).toBe('1. When it matches tag:politik site:kompas.com: add tags berita · bookmark'));
    expect((library.dataList('rules')[0] as { id: string }).id).toBe(id);

    // Turn the second off, remove it, Undo puts it back in its place, still off.
    fireEvent.click(within(screen.getAllByTestId('rule')[1] as HTMLElement).getByLabelText('On'));
    await waitFor(() => expect((library.dataList('rules')[1] as { enabled: boolean }).enabled).toBe(false));
    fireEvent.click(within(screen.getAllByTestId('rule')[1] as HTMLElement).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.getAllByTestId('rule')).toHaveLength(1));
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getAllByTestId('rule')).toHaveLength(2));
    expect(library.dataList('rules').map((r) => [(r as { query: string }).query, (r as { enabled: boolean }).enabled])).toEqual([
      ['tag:politik site:kompas.com', true],
      ['lang:en', false],
    ]);

    // Apply now: the enabled rule tags and bookmarks the two Kompas articles; the disabled one leaves the English one unread.
    fireEvent.click(screen.getByTestId('rules-apply'));
    expect((await screen.findByText('2 articles changed.')).getAttribute('role')).toBe('status');
    const metas = library.allMeta();
    expect(metas.filter((m) => m.tags.includes('berita') && m.bookmarked)).toHaveLength(2);
    expect(metas.find((m) => m.lang === 'en')?.readAt ?? null).toBeNull();
    // Applying again changes nothing.
    fireEvent.click(screen.getByTestId('rules-apply'));
    expect(await screen.findByText('No article needed a change.')).toBeTruthy();
  });

  it('a rule must do something: Add stays off until an action is chosen', async () => {
    render(<RulesSettings />);
    const form = await screen.findByTestId('rule-form');
    fireEvent.change(within(form).getByLabelText('When an article matches'), { target: { value: 'is:unread' } });
    const add = within(form).getByRole('button', { name: 'Add rule' }) as HTMLButtonElement;
    expect(add.disabled).toBe(true);
    expect(within(form).getByText('Choose at least one thing for the rule to do.')).toBeTruthy();
    await act(async () => {
      fireEvent.click(within(form).getByLabelText('Bookmark it'));
    });
    expect(add.disabled).toBe(false);
  });
});
