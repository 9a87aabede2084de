/**
 * An article's tags: chips with a remove button, and an input that autocompletes from the
 * library's tags (ARIA 1.2 combobox + listbox, fully keyboard-operable).
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/tags.css';

/** Props of TagEditor. */
export interface TagEditorProps {
  tags: string[];
  /** Every tag in the library, for suggestions. */
  known: string[];
  onAdd: (tag: string) => void;
  onRemove: (tag: string) => void;
  autoFocus?: boolean;
}

const MAX_SUGGESTIONS = 8;
const key = (s: string): string => s.toLocaleLowerCase();

/** Suggestions for a typed prefix: known tags not on the article, prefix matches first. */
export function suggest(known: string[], current: string[], typed: string, max = MAX_SUGGESTIONS): string[] {
  const q = key(typed.trim());
  if (!q) return [];
  const have = new Set(current.map(key));
  const candidates = known.filter((tag) => !have.has(key(tag)) && key(tag).includes(q));
  const starts = candidates.filter((tag) => key(tag).startsWith(q));
  const inner = candidates.filter((tag) => !key(tag).startsWith(q));
  return [...starts, ...inner].slice(0, max);
}

/** The tag editor. */
export function TagEditor({ tags, known, onAdd, onRemove, autoFocus }: TagEditorProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const options = useMemo(() => suggest(known, tags, text), [known, tags, text]);
  const expanded = open && options.length > 0;

  const add = (tag: string): void => {
    const clean = tag.replace(/\s+/g, ' ').trim();
    setText('');
    setActive(-1);
    setOpen(false);
    if (clean && !tags.some((x) => key(x) === key(clean))) onAdd(clean);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a + 1) % options.length);
        break;
      case 'ArrowUp':
        e.preventDefault();
        setOpen(true);
        if (options.length) setActive((a) => (a <= 0 ? options.length - 1 : a - 1));
        break;
      case 'Enter':
      case ',': {
        const choice = expanded && active >= 0 ? options[active] : text;
        if (choice?.trim()) {
          e.preventDefault();
          add(choice);
        } else if (e.key === ',') e.preventDefault();
        break;
      }
      case 'Escape':
        // First Esc closes the suggestions; the next one reaches the dialog.
        if (expanded) {
          e.preventDefault();
          e.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        break;
      case 'Backspace':
        if (text === '' && tags.length > 0) onRemove(tags[tags.length - 1] as string);
        break;
      default:
    }
  };

  return (
    <div className="tag-editor">
      <ul className="tag-chips" aria-label={t('tags.label')}>
        {tags.map((tag) => (
          <li key={tag} className="tag-chip" data-testid="tag-chip">
            <span>{tag}</span>
            <button type="button" className="chip-remove" aria-label={t('tags.remove', { tag })} title={t('tags.remove', { tag })} onClick={() => onRemove(tag)}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="combo">
        <input
          id={`${id}-input`}
          className="input"
          type="text"
          role="combobox"
          aria-label={t('tags.inputLabel')}
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={`${id}-listbox`}
          aria-activedescendant={expanded && active >= 0 ? `${id}-opt-${active}` : undefined}
          placeholder={t('tags.placeholder')}
          autoComplete="off"
          spellCheck={false}
          value={text}
          data-autofocus={autoFocus ? '' : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => setOpen(false)}
        />
        <ul id={`${id}-listbox`} role="listbox" aria-label={t('tags.suggestions')} className="combo-list" hidden={!expanded}>
          {options.map((tag, i) => (
            <li
              key={tag}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className="combo-option"
              // mousedown, not click: the input keeps focus, so the list does not close first.
              onMouseDown={(e) => {
                e.preventDefault();
                add(tag);
              }}
            >
              {tag}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
