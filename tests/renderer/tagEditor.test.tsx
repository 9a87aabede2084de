// @vitest-environment jsdom
/** The tag combobox: suggestions from existing tags, fully keyboard-operable. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TagEditor, suggest } from '../../renderer/src/features/tags/TagEditor';
import { setupDom } from './setup';

const known = ['politics', 'Policy', 'sport', 'economy', 'geopolitics'];

function Harness({ onEscape }: { onEscape?: () => void }) {
  const [tags, setTags] = useState<string[]>(['sport']);
  return (
    <div onKeyDown={(e) => e.key === 'Escape' && onEscape?.()}>
      <TagEditor tags={tags} known={known} onAdd={(t) => setTags((x) => [...x, t])} onRemove={(t) => setTags((x) => x.filter((y) => y !== t))} />
    </div>
  );
}

beforeEach(() => setupDom());
afterEach(cleanup);

const chips = (): string[] => screen.queryAllByTestId('tag-chip').map((c) => c.firstChild?.textContent ?? '');

describe('tag suggestions', () => {
  it('matches case-insensitively, prefix first, without tags already present', () => {
    expect(suggest(known, ['sport'], 'POL')).toEqual(['politics', 'Policy', 'geopolitics']);
    expect(suggest(known, ['sport'], 'spo')).toEqual([]);
    expect(suggest(known, [], '  ')).toEqual([]);
  });
});

describe('tag editor', () => {
  it('opens the listbox while typing and walks it with the arrow keys', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(input, { target: { value: 'pol' } });
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const options = screen.getAllByRole('option');
    expect(options.map((o) => o.textContent)).toEqual(['politics', 'Policy', 'geopolitics']);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]?.id);
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    fireEvent.keyDown(input, { key: 'ArrowUp' });
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]?.id);
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['sport', 'geopolitics']);
    expect((input as HTMLInputElement).value).toBe('');
  });

  it('adds typed text on Enter when no suggestion is active, and ignores duplicates', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: '  new   tag ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.change(input, { target: { value: 'SPORT' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(chips()).toEqual(['sport', 'new tag']);
  });

  it('closes the suggestions on the first Escape without letting it close a dialog', () => {
    const onEscape = vi.fn();
    render(<Harness onEscape={onEscape} />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: 'eco' } });
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(onEscape).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(onEscape).toHaveBeenCalledTimes(1);
  });

  it('removes with the × button and with Backspace on an empty field', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: 'economy' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag sport' }));
    expect(chips()).toEqual(['economy']);
    fireEvent.keyDown(input, { key: 'Backspace' });
    expect(chips()).toEqual([]);
  });

  it('picks a suggestion with the mouse', () => {
    render(<Harness />);
    const input = screen.getByRole('combobox', { name: 'Add a tag' });
    fireEvent.change(input, { target: { value: 'geo' } });
    fireEvent.mouseDown(screen.getByRole('option', { name: 'geopolitics' }));
    expect(chips()).toEqual(['sport', 'geopolitics']);
  });
});
