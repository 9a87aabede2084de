// @vitest-environment jsdom
/**
 * Settings in sections: a tab list with one tab stop, arrow keys (mirrored in Arabic), Home and End,
 * each section reachable and labelled, the last section remembered, plain words for language packs.
 */
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SettingsDialog } from '../../renderer/src/features/settings/SettingsDialog';
import { SECTIONS, sectionAfterKey } from '../../renderer/src/features/settings/sections';
import { applyLocale } from '../../renderer/src/i18n';
import { DEFAULT_SETTINGS, useSettings } from '../../renderer/src/stores/settings';
import { useSync } from '../../renderer/src/stores/sync';
import { useRules } from '../../renderer/src/stores/rules';
import { FakeKabar } from './fakeKabar';
import { setupDom } from './setup';

let fake: FakeKabar;

beforeEach(async () => {
  await setupDom();
  localStorage.clear();
  fake = new FakeKabar().install();
  fake.handlers['sync:status'] = async () => null;
  fake.handlers['rules:list'] = async () => [];
  useSettings.setState({ settings: { ...DEFAULT_SETTINGS }, appInfo: { version: '1.2.3', dataDir: '/home/rina/.config/kabar', systemLocale: 'en-US', mediaBase: '', recovery: null }, error: null });
  useSync.setState({ view: undefined, busy: false, error: null });
  useRules.setState({ rules: null, error: null });
});
afterEach(async () => {
  cleanup();
  await applyLocale('en');
});

const tabs = (): HTMLElement[] => within(screen.getByRole('tablist')).getAllByRole('tab');
const selected = (): string => tabs().find((t) => t.getAttribute('aria-selected') === 'true')?.textContent ?? '';

describe('Settings sections', () => {
  it('lists the sections as tabs with one tab stop; the panel is labelled by its tab', async () => {
    render(<SettingsDialog />);
    const list = screen.getByRole('tablist');
    expect(list.getAttribute('aria-label')).toBe('Settings sections');
    expect(tabs().map((t) => t.textContent)).toEqual(['General', 'Reading & translation', 'Language packs', 'Feeds', 'Rules', 'Accounts', 'Storage & backup']);
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    // The dialog opens with the focus on the current section's tab.
    expect(document.activeElement).toBe(tabs()[0]);
    const panel = screen.getByRole('tabpanel');
    expect(panel.getAttribute('aria-labelledby')).toBe(tabs()[0]?.id);
    expect(tabs()[0]?.getAttribute('aria-controls')).toBe(panel.id);
    expect(within(panel).getByRole('heading', { level: 3 }).textContent).toBe('General');
    expect(within(panel).getByLabelText('Interface language')).toBeTruthy();
  });

  it('arrow keys, Home and End move between sections and show them; every section renders', async () => {
    render(<SettingsDialog />);
    fireEvent.keyDown(tabs()[0] as HTMLElement, { key: 'ArrowDown' });
    expect(selected()).toBe('Reading & translation');
    expect(document.activeElement?.textContent).toBe('Reading & translation');
    expect(screen.getByLabelText('Translate articles into')).toBeTruthy();
    fireEvent.keyDown(document.activeElement as Element, { key: 'End' });
    expect(selected()).toBe('Storage & backup');
    expect(screen.getByTestId('data-dir').textContent).toBe('/home/rina/.config/kabar');
    expect(screen.getByText('Kabar 1.2.3')).toBeTruthy();
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(selected()).toBe('General'); // wraps around
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowUp' });
    expect(selected()).toBe('Storage & backup');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(selected()).toBe('General');
    // Every section has its own panel content, reached by a click too.
    const expected: Record<string, string> = {
      packs: 'language-packs',
      feeds: 'feed-settings',
      rules: 'rules-settings',
      accounts: 'account-settings',
      storage: 'storage-settings',
      reading: 'translation-settings',
    };
    for (const [id, testId] of Object.entries(expected)) {
      fireEvent.click(tabs()[SECTIONS.indexOf(id as (typeof SECTIONS)[number])] as HTMLElement);
      expect(await screen.findByTestId(testId)).toBeTruthy();
    }
    // Language packs speak plainly; the engine names are in a details element.
    fireEvent.click(tabs()[2] as HTMLElement);
    expect((await screen.findByTestId('packs-summary')).textContent).toBe('No translation is installed on this computer yet. Download a language pack below.');
    expect(screen.getByTestId('engine-details').tagName).toBe('DETAILS');
  });

  it('remembers the last section (junk in storage falls back to General)', async () => {
    const first = render(<SettingsDialog />);
    fireEvent.click(tabs()[5] as HTMLElement);
    expect(await screen.findByTestId('account-settings')).toBeTruthy();
    first.unmount();
    render(<SettingsDialog />);
    expect(selected()).toBe('Accounts');
    await waitFor(() => expect(fake.callsTo('sync:status').length).toBeGreaterThan(0));
    cleanup();
    localStorage.setItem('kabar.settings.section', 'nonsense');
    render(<SettingsDialog />);
    expect(selected()).toBe('General');
  });

  it('in Arabic the tabs are translated and Left/Right follow the reading direction', async () => {
    await act(async () => {
      await applyLocale('ar');
    });
    expect(document.documentElement.dir).toBe('rtl');
    render(<SettingsDialog />);
    expect(tabs()[0]?.textContent).toBe('عام');
    fireEvent.keyDown(tabs()[0] as HTMLElement, { key: 'ArrowLeft' });
    expect(selected()).toBe('القراءة والترجمة');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowRight' });
    expect(selected()).toBe('عام');
  });

  it('sectionAfterKey ignores other keys and mirrors Left/Right in RTL', () => {
    expect(sectionAfterKey('general', 'Tab', false)).toBeNull();
    expect(sectionAfterKey('general', 'ArrowRight', false)).toBe('reading');
    expect(sectionAfterKey('general', 'ArrowRight', true)).toBe('storage');
    expect(sectionAfterKey('storage', 'ArrowLeft', true)).toBe('general');
  });
});
