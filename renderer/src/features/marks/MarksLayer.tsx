/**
 * The marks layer over the reader body: tells each block which highlights it shows, turns a
 * selection into the colour popover (mouse or keyboard; `h` highlights at once with the last
 * colour), opens a highlight's own popover on click, and scrolls to and flashes a highlight the
 * Highlights view asked for. It adds no element inside the body: Listen counts the body's children.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ReadingMode, Translation } from '../../../../preload/contract';
import { addHighlight, useMarks } from '../../stores/marks';
import { useTranslate } from '../../stores/translate';
import { isTypingTarget } from '../shortcuts/keymap';
import { MarksContext, type BlockDecor, type DecorFor, type Side } from './context';
import { planDecor } from './decor';
import { MarkPopover, type PopoverTarget } from './MarkPopover';
import { pickSelection } from './selection';
import '../../styles/marks.css';

const BODY = '[data-testid="reader-body"]';

function JumpToOriginal({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="btn btn-link hl-jump"
      data-mark-ui=""
      contentEditable={false}
      onClick={() => {
        useMarks.getState().setFlash(id);
        useTranslate.getState().setMode('original');
      }}
    >
      {t('marks.jumpToOriginal')}
    </button>
  );
}

/** Scrolls to the highlight asked for once it is on screen, and flashes it. */
function useFlash(ready: boolean): void {
  const flash = useMarks((s) => s.flash);
  useEffect(() => {
    if (!flash || !ready) return;
    const el = document.querySelector<HTMLElement>(`${BODY} mark[data-hl="${CSS.escape(flash)}"]`);
    if (!el) return;
    el.scrollIntoView({ block: 'center' });
    const all = document.querySelectorAll<HTMLElement>(`${BODY} mark[data-hl="${CSS.escape(flash)}"]`);
    all.forEach((m) => m.classList.add('hl-flash'));
    // Not cleared on re-run: clearing `flash` below re-runs this effect, and the flash must still end.
    setTimeout(() => all.forEach((m) => m.classList.remove('hl-flash')), 1600);
    useMarks.getState().setFlash(null);
  }, [flash, ready]);
}

/** Props of MarksLayer. */
export interface MarksLayerProps {
  article: Article;
  translation: Translation | undefined;
  mode: ReadingMode;
  children: ReactNode;
}

/** Provides highlights to the blocks and handles making and editing them. */
export function MarksLayer({ article, translation, mode, children }: MarksLayerProps) {
  const marks = useMarks((s) => (s.articleId === article.id ? s.marks : null));
  const [target, setTarget] = useState<PopoverTarget | null>(null);
  const shownTranslation = mode === 'original' ? undefined : translation;

  const plan = useMemo(() => planDecor(marks?.highlights ?? [], article.blocks, shownTranslation, mode), [marks, article.blocks, shownTranslation, mode]);
  const decorFor = useCallback<DecorFor>(
    (side: Side, index: number): BlockDecor | undefined => {
      const ranges = plan.ranges[side].get(index);
      const flag = plan.flags[side].get(index);
      if (!ranges && !flag) return undefined;
      const decor: BlockDecor = { ranges: ranges ?? [], flagged: Boolean(flag) };
      if (flag && mode === 'translated' && side === 'translation') decor.extra = <JumpToOriginal id={flag} />;
      return decor;
    },
    [plan, mode],
  );

  useEffect(() => setTarget(null), [article.id, mode]);
  // Read again when the text changes (re-extracted, translated): the core places the highlights anew.
  useEffect(() => void useMarks.getState().load(article.id), [article.id, article.blocks, article.translations]);
  useFlash(marks !== null);

  useEffect(() => {
    const sides = { original: article.blocks, translation: shownTranslation?.blocks };
    const lang = shownTranslation?.lang;
    const pick = () => {
      const body = document.querySelector<HTMLElement>(BODY);
      return body ? pickSelection(body, sides) : null;
    };
    const onUp = (e: MouseEvent | KeyboardEvent): void => {
      if (e instanceof KeyboardEvent && !e.shiftKey && e.key !== 'Shift') return;
      const body = document.querySelector<HTMLElement>(BODY);
      if (!body || !(e.target instanceof Node) || !body.contains(e.target)) return;
      const mark = e instanceof MouseEvent && e.target instanceof Element ? e.target.closest<HTMLElement>('mark[data-hl]') : null;
      const picked = pick();
      if (picked) {
        setTarget({ kind: 'new', picked, lang: picked.side === 'translation' ? lang : undefined, keyboard: e instanceof KeyboardEvent });
        return;
      }
      if (mark && !(e.target instanceof Element && e.target.closest('a, button'))) {
        const box = mark.getBoundingClientRect();
        setTarget({ kind: 'edit', id: mark.dataset.hl ?? '', rect: { left: box.left + box.width / 2, top: box.top, bottom: box.bottom } });
      }
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key.toLowerCase() !== 'h' || e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
      const picked = pick();
      if (!picked) return;
      e.preventDefault();
      setTarget(null);
      window.getSelection()?.removeAllRanges();
      void addHighlight(article.id, picked.anchor, useMarks.getState().lastColor, picked.side === 'translation' ? lang : undefined);
    };
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    window.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
      window.removeEventListener('keydown', onKey);
    };
  }, [article.id, article.blocks, shownTranslation]);

  return (
    <MarksContext.Provider value={decorFor}>
      {children}
      {target && <MarkPopover articleId={article.id} target={target} highlights={marks?.highlights ?? []} onClose={() => setTarget(null)} />}
    </MarksContext.Provider>
  );
}
