/** Export handlers (issue 12): the library as one file or EPUB book, and the images saved articles still wait for. */
import { createBackup, exportLibrary } from './core/export';
import { fetchPendingImages } from './core/image-retry';
import type { Library } from './core/store';
import type { HandlerContext } from './handlers';
import type { ExportHandlers } from '../preload/contract';

const EXTENSIONS = { netscape: 'html', 'pocket-csv': 'csv', 'wallabag-json': 'json', epub: 'epub' } as const;

/** The export domain's handlers over an opened library. */
export function exportHandlers(library: Library, ctx: HandlerContext): ExportHandlers {
  return {
    'export:library': async (request, strings) => {
      const ext = EXTENSIONS[request.format];
      const defaultName = `kabar-${new Date().toISOString().slice(0, 10)}.${ext}`;
      const path = await ctx.chooseFile?.(strings, { mode: 'save', extensions: [ext], defaultName });
      if (!path) return null;
      return exportLibrary(library, { ...request, out: path, onProgress: (done, total) => ctx.emit('export:progress', { done, total }) });
    },
    'images:fetchPending': async () => fetchPendingImages(library, { fetch: ctx.fetch }),
    'export:backup': async (strings) => {
      const defaultName = `kabar-backup-${new Date().toISOString().slice(0, 10)}.tar.gz`;
      const file = await ctx.chooseFile?.(strings, { mode: 'save', extensions: ['gz'], defaultName });
      if (!file) return null;
      await library.compact(); // the archive then holds library.json with every journalled change in it (as `kabar backup` does)
      return { file, ...(await createBackup(library.dir, file, new Date())) };
    },
  };
}
