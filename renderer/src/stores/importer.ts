/** One import batch at a time: progress from `import:progress`, then a result per source. */
import { create } from 'zustand';
import { api } from '../api';
import type { DroppedFile, ImportItemResult, ImportSummary } from '../../../preload/contract';

/** What a batch imports. */
export type ImportRequest =
  | { kind: 'urls'; urls: string[] }
  | { kind: 'paths'; paths: string[] }
  | { kind: 'files'; files: DroppedFile[] };

interface ImportState {
  /** The Add dialog's fields, kept while it is closed and reopened. */
  urlsText: string;
  tagsText: string;
  running: boolean;
  progress: { done: number; total: number } | null;
  results: ImportItemResult[];
  summary: ImportSummary | null;
  error: unknown;
  /** Imports a batch; `rejected` are results decided before main was asked (unsupported drops). */
  run: (request: ImportRequest, tags: string[], rejected?: ImportItemResult[]) => Promise<void>;
  onProgress: (done: number, total: number) => void;
  reset: () => void;
}

function send(request: ImportRequest, tags: string[]): Promise<ImportSummary> {
  switch (request.kind) {
    case 'urls':
      return api.import.urls(request.urls, tags);
    case 'paths':
      return api.import.paths(request.paths, tags);
    case 'files':
      return api.import.files(request.files, tags);
  }
}

function size(request: ImportRequest): number {
  return request.kind === 'urls' ? request.urls.length : request.kind === 'paths' ? request.paths.length : request.files.length;
}

/** The import store. */
export const useImport = create<ImportState>()((set, get) => ({
  urlsText: '',
  tagsText: '',
  running: false,
  progress: null,
  results: [],
  summary: null,
  error: null,
  run: async (request, tags, rejected = []) => {
    if (get().running) return;
    const total = size(request);
    set({ running: true, progress: { done: 0, total }, results: rejected, summary: null, error: null });
    if (total === 0) {
      set({ running: false, progress: null });
      return;
    }
    try {
      const summary = await send(request, tags);
      set({ summary, results: [...rejected, ...summary.results], progress: { done: total, total } });
    } catch (error) {
      set({ error });
    } finally {
      set({ running: false });
    }
  },
  onProgress: (done, total) => {
    if (get().running) set({ progress: { done, total } });
  },
  reset: () => {
    if (!get().running) set({ progress: null, results: [], summary: null, error: null });
  },
}));
