/** A first, minimal screen: the library list (the three-pane UI replaces it). */
import { useEffect, useState } from 'react';
import type { ArticleMeta } from '../../preload/contract';
import { api, ApiError } from './api';

type State = { status: 'loading' } | { status: 'ready'; items: ArticleMeta[]; total: number } | { status: 'error'; message: string };

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** The application root. */
export function App() {
  const [state, setState] = useState<State>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const load = (): void => {
      api.listArticles({ limit: 50 }).then(
        (page) => live && setState({ status: 'ready', items: page.items, total: page.total }),
        (error: unknown) => live && setState({ status: 'error', message: describe(error) }),
      );
    };
    load();
    const off = api.on('library:changed', load);
    return () => {
      live = false;
      off();
    };
  }, []);

  return (
    <main>
      <h1>Kabar</h1>
      {state.status === 'loading' && <p>Loading…</p>}
      {state.status === 'error' && <p role="alert">Could not load the library: {state.message}</p>}
      {state.status === 'ready' && state.items.length === 0 && (
        <p>Your library is empty. Use File → Import Files… or Import URL… to save your first article.</p>
      )}
      {state.status === 'ready' && state.items.length > 0 && (
        <ul aria-label="Library">
          {state.items.map((a) => (
            <li key={a.id} lang={a.lang} dir={a.dir}>
              <strong>{a.title}</strong>
              <div>
                {[a.siteName, a.lang, dateFormat.format(new Date(a.savedAt))].filter(Boolean).join(' · ')}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}

function describe(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
