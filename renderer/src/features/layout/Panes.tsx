/**
 * The panes below the top bar, by layout class: three panes with splitters when wide; the sidebar as
 * a drawer below 1,100 px; one column (list, or reader with Back) below 800 px. Focus mode hides
 * the sidebar and the list.
 */
import { useEffect, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Splitter } from '../../components/Splitter';
import { PANE_BOUNDS, useLayout, type LayoutMode } from '../../stores/layout';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { Sidebar } from '../library/Sidebar';

/** Props of Panes. */
export interface PanesProps {
  mode: LayoutMode;
  list: ReactNode;
  reader: ReactNode;
}

/** Keeps the drawer and the one-column view in step with what the user does elsewhere. */
function useLayoutFollows(): void {
  useEffect(() => {
    // Opening an article shows the reader in the one-column layout.
    const offReader = useReader.subscribe((s, prev) => {
      if (s.status === 'loading' && prev.status !== 'loading') useLayout.getState().showColumn('reader');
    });
    // Choosing a view, tag, language or feed in the drawer closes it: the list is what the user wants to see.
    const offLibrary = useLibrary.subscribe((s, prev) => {
      if (s.filter !== prev.filter) {
        useLayout.getState().toggleDrawer(false);
        useLayout.getState().showColumn('list');
      }
    });
    return () => {
      offReader();
      offLibrary();
    };
  }, []);
}

/** The sidebar, list and reader laid out for the window. */
export function Panes({ mode, list, reader }: PanesProps) {
  const { t } = useTranslation();
  const { widths, drawerOpen, focus, column, setWidth, toggleDrawer } = useLayout();
  useLayoutFollows();
  const drawer = mode !== 'wide';
  const showList = !focus && (mode !== 'narrow' || column === 'list');
  const showReader = mode !== 'narrow' || column === 'reader' || focus;
  const style = { '--sidebar-w': `${widths.sidebar}px`, '--list-w': `${widths.list}px` } as CSSProperties;
  return (
    <div className="panes" style={style} data-testid="panes">
      {drawer && drawerOpen && !focus && <div className="drawer-backdrop" aria-hidden="true" onClick={() => toggleDrawer(false)} />}
      <div
        className={drawer ? 'drawer' : 'side-pane'}
        id="sidebar-drawer"
        hidden={focus || (drawer && !drawerOpen)}
        onKeyDown={(e) => {
          if (drawer && e.key === 'Escape') {
            e.stopPropagation();
            toggleDrawer(false);
            document.querySelector<HTMLElement>('[data-testid="drawer-toggle"]')?.focus();
          }
        }}
      >
        <Sidebar />
      </div>
      {!drawer && !focus && (
        <Splitter label={t('layout.resizeSidebar')} value={widths.sidebar} min={PANE_BOUNDS.sidebar.min} max={PANE_BOUNDS.sidebar.max} onChange={(w) => setWidth('sidebar', w)} testId="splitter-sidebar" />
      )}
      <div className="list-pane" id="list-pane" tabIndex={-1} hidden={!showList} data-single={mode === 'narrow' ? 'true' : undefined}>
        {list}
      </div>
      {mode !== 'narrow' && showList && (
        <Splitter label={t('layout.resizeList')} value={widths.list} min={PANE_BOUNDS.list.min} max={PANE_BOUNDS.list.max} onChange={(w) => setWidth('list', w)} testId="splitter-list" />
      )}
      <section className="reader-pane" id="reader-pane" aria-label={t('reader.label')} tabIndex={-1} hidden={!showReader}>
        {reader}
      </section>
    </div>
  );
}
