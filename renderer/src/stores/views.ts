/** Smart views in the sidebar (issue 13): saved queries with live counts, added from the search box. */
import { create } from 'zustand';
import { api } from '../api';
import type { CountedView } from '../../../preload/contract';
import { useLibrary } from './library';
import { useUndo } from './undo';
import { useUi } from './ui';

interface ViewsState {
  views: CountedView[] | null;
  error: unknown;
  load: () => Promise<void>;
}

/** The smart views store. */
export const useViews = create<ViewsState>()((set) => ({
  views: null,
  error: null,
  load: async () => {
    try {
      set({ views: await api.views.list(), error: null });
    } catch (error) {
      set({ error });
    }
  },
}));

/** Saves a query as a view; throws (QUERY_* with its position) so the form can show it inline. */
export async function saveView(name: string, query: string): Promise<void> {
  await api.views.add({ name, query });
  await useViews.getState().load();
}

/** Removes a view (undo adds it back). */
export async function removeView(id: string): Promise<void> {
  try {
    const view = await api.views.remove(id);
    const { filter, setSmart } = useLibrary.getState();
    if (filter.smart?.id === id) setSmart(null);
    await useViews.getState().load();
    useUndo.getState().push({ key: 'smartViews.removed', params: { name: view.name } }, async () => {
      await api.views.add({ name: view.name, query: view.query });
      await useViews.getState().load();
    });
  } catch (error) {
    useUi.getState().setNotice(error);
  }
}

// Counts follow the library: re-read them whenever the sidebar counts are re-read.
useLibrary.subscribe((s, prev) => {
  if (s.counts !== prev.counts && useViews.getState().views !== null) void useViews.getState().load();
});
