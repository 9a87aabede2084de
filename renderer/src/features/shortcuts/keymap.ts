/** Which single-key shortcut a key event means, and when shortcuts must stay quiet. */

/** The commands single keys trigger. */
export type Command = 'next' | 'previous' | 'open' | 'bookmark' | 'tag' | 'read' | 'translation' | 'search' | 'help' | 'escape' | 'focus' | 'sidebar';

const KEYS: Record<string, Command> = {
  j: 'next',
  k: 'previous',
  o: 'open',
  Enter: 'open',
  b: 'bookmark',
  t: 'tag',
  m: 'read',
  l: 'translation',
  f: 'focus',
  s: 'sidebar',
  '/': 'search',
  '?': 'help',
  Escape: 'escape',
};

/** Whether the event target takes typed text (or is a control Enter already activates). */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(type);
  }
  return target.getAttribute('role') === 'combobox' || target.getAttribute('role') === 'textbox';
}

/** The command for a keydown, or null when it is not a shortcut here. */
export function commandFor(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'target' | 'isComposing'>): Command | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return null;
  if (isTypingTarget(e.target)) return null;
  const key = e.key.length === 1 && e.key !== '?' && e.key !== '/' ? e.key.toLowerCase() : e.key;
  const command = KEYS[key] ?? null;
  // Enter on a button or link already activates it; taking it over would double the action.
  if (key === 'Enter' && e.target instanceof HTMLElement && e.target.closest('button, a, [role="option"], summary')) return null;
  return command;
}
