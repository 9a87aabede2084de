/** Restores the saved reading position on open and saves it (throttled) while scrolling. */
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { saveReadingProgress } from '../../stores/actions';

/** How often progress is written at most while scrolling. */
export const SAVE_EVERY_MS = 1000;

function fraction(el: HTMLElement): number {
  const max = el.scrollHeight - el.clientHeight;
  return max <= 0 ? 1 : Math.min(1, Math.max(0, el.scrollTop / max));
}

/** Tracks one scroll container for the article `id`; returns the live progress (0..1) and the scroll handler. */
export function useReadingProgress(
  ref: RefObject<HTMLElement | null>,
  id: string | null,
  saved: number,
): { progress: number; onScroll: () => void } {
  const [progress, setProgress] = useState(saved);
  const last = useRef({ id, value: saved, at: 0 });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const pending = useRef<number | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const value = pending.current;
    const articleId = last.current.id;
    pending.current = null;
    if (value === null || !articleId || Math.abs(value - last.current.value) < 0.005) return;
    last.current = { id: articleId, value, at: Date.now() };
    saveReadingProgress(articleId, value);
  }, []);

  // Restore before paint, so the reader never flashes the top of an article it was halfway through.
  useLayoutEffect(() => {
    const el = ref.current;
    last.current = { id, value: saved, at: 0 };
    setProgress(saved);
    if (!el || !id) return;
    const max = el.scrollHeight - el.clientHeight;
    el.scrollTop = saved > 0 && saved < 1 && max > 0 ? saved * max : 0;
    // Cleanup runs before the next article's setup, so a pending save goes to the article it belongs to.
    return flush;
    // saved is read once per article on purpose: later saves must not scroll the reader.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, ref, flush]);

  const onScroll = useCallback(() => {
    const el = ref.current;
    if (!el || !last.current.id) return;
    const value = fraction(el);
    setProgress(value);
    pending.current = value;
    const wait = SAVE_EVERY_MS - (Date.now() - last.current.at);
    if (wait <= 0) flush();
    else if (!timer.current) timer.current = setTimeout(flush, wait);
  }, [ref, flush]);

  return { progress, onScroll };
}
