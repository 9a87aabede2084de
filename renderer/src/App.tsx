/** The application shell: top bar, sidebar, list or search results, reader, and the one open dialog. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { boot, type BootState } from './bootstrap';
import { Notices } from './components/Notices';
import { UndoToast } from './components/UndoToast';
import { Dialogs } from './features/app/Dialogs';
import { TopBar } from './features/app/TopBar';
import { errorMessage } from './i18n/errors';
import { parseTags } from './features/import/chooseFiles';
import { useDropImport } from './features/import/useDropImport';
import { useFetchImagesOnline } from './features/images/useFetchImagesOnline';
import { ArticleList } from './features/library/ArticleList';
import { ListHeader } from './features/library/ListHeader';
import { Panes } from './features/layout/Panes';
import { useLayoutMode } from './features/layout/useLayoutMode';
import { Reader } from './features/reader/Reader';
import { SearchResults } from './features/search/SearchResults';
import { HighlightsView } from './features/marks/HighlightsView';
import { useHighlights } from './stores/highlights';
import { useLocaleSync, useTheme } from './features/settings/useAppearance';
import { useAppEvents } from './features/shortcuts/useAppEvents';
import { useShortcuts } from './features/shortcuts/useShortcuts';
import { useImport } from './stores/importer';
import { useSearch } from './stores/search';
import { useLayout } from './stores/layout';
import { useUi } from './stores/ui';
import './styles/base.css';
import './styles/layout.css';
import './styles/list.css';

/** The three panes once the library is open. */
function Shell() {
  const { t } = useTranslation();
  useLocaleSync();
  useTheme();
  useAppEvents();
  useShortcuts();
  useFetchImagesOnline();
  const dialog = useUi((s) => s.dialog);
  const mode = useLayoutMode();
  const focus = useLayout((s) => s.focus);
  const searching = useSearch((s) => s.query !== '');
  const highlightsOpen = useHighlights((s) => s.open);
  // Tags typed in the open Add dialog apply to files dropped while it is open.
  const dropTags = useCallback(() => (useUi.getState().dialog?.kind === 'import' ? parseTags(useImport.getState().tagsText) : []), []);
  const dragging = useDropImport(dropTags);

  return (
    <>
      <div className="app" inert={dialog !== null} data-layout={mode} data-focus={focus ? 'true' : undefined}>
        <TopBar mode={mode} />
        <Notices />
        <main className="main">
          <Panes
            mode={mode}
            list={
              searching ? (
                <SearchResults />
              ) : highlightsOpen ? (
                <HighlightsView />
              ) : (
                <>
                  <ListHeader />
                  <ArticleList />
                </>
              )
            }
            reader={<Reader back={mode === 'narrow' && !focus} />}
          />
        </main>
      </div>
      <UndoToast />
      <Dialogs />
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>
            {t('import.dropHere')}
            <small className="drop-overlay-hint">{t('migrate.dropHere')}</small>
          </p>
        </div>
      )}
    </>
  );
}

/** The application root: start-up, then the shell (or why the library could not open). */
export function App() {
  const { t } = useTranslation();
  const [state, setState] = useState<BootState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    void boot().then((s) => live && setState(s));
    return () => {
      live = false;
    };
  }, []);
  if (state.status === 'ready') return <Shell />;
  return (
    <main className="placeholder">
      {state.status === 'loading' ? (
        <p role="status">{t('app.loading')}</p>
      ) : (
        <div role="alert">
          <h1>{t('app.loadFailed')}</h1>
          <p>{errorMessage(t, state.error)}</p>
        </div>
      )}
    </main>
  );
}
