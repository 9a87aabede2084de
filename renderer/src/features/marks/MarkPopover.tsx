/**
 * The small popover by a selection or a highlight: five colour swatches, a note, and for an
 * existing highlight Delete. A non-modal dialog: Escape or a click elsewhere closes it.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Highlight } from '../../../../preload/contract';
import { addHighlight, change, COLORS, recolor, useMarks } from '../../stores/marks';
import type { PickedSelection } from './selection';

/** What the popover is for: a new selection, or an existing highlight. */
export type PopoverTarget =
  | { kind: 'new'; picked: PickedSelection; lang: string | undefined; keyboard?: boolean }
  | { kind: 'edit'; id: string; rect: PickedSelection['rect'] };

/** Props of MarkPopover. */
export interface MarkPopoverProps {
  articleId: string;
  target: PopoverTarget;
  highlights: readonly Highlight[];
  onClose: () => void;
}

const WIDTH = 260;

function place(rect: PickedSelection['rect']): { left: number; top: number } {
  const left = Math.max(8, Math.min(window.innerWidth - WIDTH - 8, rect.left - WIDTH / 2));
  const below = rect.bottom + 8;
  // Above the selection when there is no room below it.
  const top = below + 140 > window.innerHeight ? Math.max(8, rect.top - 148) : below;
  return { left, top };
}

/** The colour-and-note popover. */
export function MarkPopover({ articleId, target, highlights, onClose }: MarkPopoverProps) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const existing = target.kind === 'edit' ? highlights.find((h) => h.id === target.id) : undefined;
  const [noting, setNoting] = useState(Boolean(existing?.note));
  const [note, setNote] = useState(existing?.note ?? '');
  const rect = target.kind === 'new' ? target.picked.rect : target.rect;

  useEffect(() => {
    if (target.kind === 'edit' || target.keyboard) root.current?.querySelector<HTMLElement>('button')?.focus();
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) onClose();
    };
    // Escape closes the popover wherever focus is (it often stays in the article), and only the popover.
    const onKey = (e: KeyboardEvent): void => {
      // Tab from the article goes into the popover first: the swatches are one key away, not at the page's end.
      if (e.key === 'Tab' && !e.shiftKey && !root.current?.contains(document.activeElement)) {
        const first = root.current?.querySelector<HTMLElement>('button');
        if (first) {
          e.preventDefault();
          first.focus();
        }
        return;
      }
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      onClose();
    };
    document.addEventListener('mousedown', onDown);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      window.removeEventListener('keydown', onKey, true);
    };
  }, [target, onClose]);

  if (target.kind === 'edit' && !existing) return null;
  const pick = (color: (typeof COLORS)[number]): void => {
    if (target.kind === 'new') {
      window.getSelection()?.removeAllRanges();
      void addHighlight(articleId, target.picked.anchor, color, target.lang, noting ? note : undefined);
    } else void recolor(articleId, target.id, color);
    onClose();
  };
  const saveNote = (): void => {
    if (target.kind === 'new') {
      pick(useMarks.getState().lastColor);
      return;
    }
    void change(articleId, { op: 'update', id: target.id, note: note.trim() === '' ? null : note });
    onClose();
  };

  return createPortal(
    <div
      ref={root}
      className="mark-popover"
      role="dialog"
      aria-label={target.kind === 'new' ? t('marks.popoverNew') : t('marks.popoverEdit')}
      data-testid="mark-popover"
      style={place(rect)}
    >
      <div className="mark-swatches" role="group" aria-label={t('marks.colors')}>
        {COLORS.map((color) => (
          <button
            key={color}
            type="button"
            className={`mark-swatch hl-${color}`}
            aria-label={t(`marks.color.${color}`)}
            title={t(`marks.color.${color}`)}
            aria-pressed={existing ? existing.color === color : undefined}
            data-color={color}
            onClick={() => pick(color)}
          />
        ))}
      </div>
      {noting ? (
        <div className="mark-note">
          <textarea className="input" aria-label={t('marks.note')} value={note} rows={3} maxLength={20000} onChange={(e) => setNote(e.target.value)} autoFocus={!existing?.note} />
          <button type="button" className="btn" onClick={saveNote}>
            {t('marks.saveNote')}
          </button>
        </div>
      ) : (
        <button type="button" className="btn btn-link" onClick={() => setNoting(true)}>
          {t('marks.addNote')}
        </button>
      )}
      {target.kind === 'edit' && (
        <button
          type="button"
          className="btn btn-link mark-delete"
          onClick={() => {
            void change(articleId, { op: 'delete', id: target.id });
            onClose();
          }}
        >
          {t('marks.delete')}
        </button>
      )}
    </div>,
    document.body,
  );
}
