/**
 * The virtualized article list. Only the rows on screen (plus a few) exist in the DOM, and
 * only their pages are fetched; a roving tabindex keeps one row in the tab order.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleMeta } from '../../../../preload/contract';
import { openArticle } from '../../stores/actions';
import { rowAt, useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { ArticleRow } from './ArticleRow';
import { EmptyList, ListError } from './EmptyList';

let focusWanted = false;
// j/k while reading: scroll the selected row into view but leave the keyboard in the reader.
let revealWanted = false;

/**
 * A row's estimated height in CSS pixels, before it is measured: rows fit their content (a
 * one-line title is shorter than a three-line one), and each is measured once it is mounted.
 */
export const ROW_HEIGHT = 76;

/**
 * Above this many rows every row has one height (FIXED_ROW_HEIGHT, titles up to two lines) and
 * none is measured: each measured row makes TanStack Virtual recompute the positions of every
 * row after it, which at 100,000 rows cost 50–80 ms a frame while scrolling.
 */
export const MEASURED_ROWS_MAX = 20_000;
/** A row's height in the fixed mode: two title lines, the meta line and the tags line. */
export const FIXED_ROW_HEIGHT = 98;

/** The list of articles for the current view and filters. */
export function ArticleList() {
  const { t } = useTranslation();
  const total = useLibrary((s) => s.total);
  const pages = useLibrary((s) => s.pages);
  const selectedIndex = useLibrary((s) => s.selectedIndex);
  const sort = useLibrary((s) => s.sort);
  const ensureRange = useLibrary((s) => s.ensureRange);
  const openId = useReader((s) => s.openId);
  const error = useLibrary((s) => s.error);
  const scroller = useRef<HTMLDivElement>(null);

  const fixedRows = (total ?? 0) > MEASURED_ROWS_MAX;
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller.current,
    estimateSize: () => (fixedRows ? FIXED_ROW_HEIGHT : ROW_HEIGHT),
    // Rows mounted beyond the screen on each side: enough for keyboard moves and small scrolls;
    // every extra row is mounted on each jump of a fast scroll.
    overscan: 3,
    // Render scroll updates in React's scheduler, not synchronously inside the scroll event:
    // a frame's scroll handling and its row mounting then run as separate, shorter tasks.
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    if (items.length) ensureRange(first, last);
  }, [first, last, items.length, ensureRange, pages]);

  // When the keyboard moved the selection, bring that row into view and focus it. A click
  // must not scroll: the row would slide away between mousedown and mouseup.
  useEffect(() => {
    if (!total || selectedIndex < 0 || !(focusWanted || revealWanted)) return;
    revealWanted = false;
    virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, total, virtualizer]);
  useEffect(() => {
    if (!focusWanted) return;
    const button = scroller.current?.querySelector<HTMLElement>(`[data-index="${selectedIndex}"] [data-row-button]`);
    if (button) {
      focusWanted = false;
      button.focus({ preventScroll: true });
    }
  });

  const onOpen = useCallback((meta: ArticleMeta) => void openArticle(meta.id), []);

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: 10, PageUp: -10, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta === undefined || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    focusWanted = true;
    const { move, select } = useLibrary.getState();
    if (delta === -Infinity) select(0);
    else if (delta === Infinity) select(Math.max(0, (total ?? 1) - 1));
    else move(delta);
  };

  if (total === null && error) return <ListError error={error} />;
  if (total === 0) return <EmptyList />;

  return (
    <div className="list-scroll" ref={scroller} data-testid="article-list-scroll">
      <ul
        className={`article-list${fixedRows ? ' has-fixed-rows' : ''}`}
        aria-label={t('list.label')}
        aria-busy={total === null}
        data-testid="article-list"
        onKeyDown={onKeyDown}
        style={{ blockSize: `${virtualizer.getTotalSize()}px` }}
      >
        {items.map((item) => {
          const meta = rowAt(pages, item.index);
          const selected = item.index === selectedIndex;
          return (
            <li
              key={meta?.id ?? `loading-${item.index}`}
              className={`article-row${selected ? ' is-selected' : ''}${meta && meta.id === openId ? ' is-current' : ''}`}
              data-testid={meta ? 'article-row' : 'article-row-loading'}
              data-id={meta?.id}
              data-index={item.index}
              // Measured on mount and on resize (its border box), so rows fit their content with no gaps
              // (in a list of more than MEASURED_ROWS_MAX rows, every row has the fixed height).
              ref={fixedRows ? undefined : virtualizer.measureElement}
              aria-posinset={item.index + 1}
              aria-setsize={total ?? undefined}
              style={{ transform: `translateY(${item.start}px)` }}
              onFocus={() => {
                if (!selected) useLibrary.getState().select(item.index);
              }}
            >
              {meta ? (
                <ArticleRow meta={meta} selected={selected} tabStop={selected || (selectedIndex < 0 && item.index === 0)} current={meta.id === openId} sortByPublished={sort === 'publishedAt'} onOpen={onOpen} />
              ) : (
                <span className="row-loading">{t('list.loadingRow')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Asks the list to scroll the selected row into view without taking the focus (j/k while reading). */
export function requestRowReveal(): void {
  revealWanted = true;
}

/** Asks the list to focus the selected row once it is rendered (after j/k). */
export function requestRowFocus(): void {
  focusWanted = true;
}
