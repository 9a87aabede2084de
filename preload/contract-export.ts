/**
 * The library-export contract (issue 12): writing the library, a tag, a search or chosen
 * articles as one file or EPUB book, and fetching images saved articles still wait for.
 * preload/contract.ts merges it; main/handlers-export.ts answers it.
 */
import { z } from 'zod';
import { dialogStrings, id, label, tags } from './contract-common';
import { channel, event } from './define';

export type { FetchImagesSummary, LibraryExportResult } from '../main/core/types';
import type { FetchImagesSummary, LibraryExportResult } from '../main/core/types';

/** What the Export dialog asks for: a format and a scope (chosen ids, tags, a search; none = the whole library). */
export interface ExportRequest {
  format: 'netscape' | 'pocket-csv' | 'wallabag-json' | 'epub';
  ids?: string[];
  tags?: string[];
  search?: string;
  /** EPUB: each paragraph followed by its stored translation. */
  bilingual?: boolean;
  /** EPUB: the book's own page strings in the interface language. */
  labels?: { contents: string; subtitle: string };
}

const exportRequest: z.ZodType<ExportRequest> = z.strictObject({
  format: z.enum(['netscape', 'pocket-csv', 'wallabag-json', 'epub']),
  ids: z.array(id).max(100_000).optional(),
  tags: tags.optional(),
  search: z.string().max(1000).optional(),
  bilingual: z.boolean().optional(),
  labels: z.strictObject({ contents: label, subtitle: label }).optional(),
});

/** Export channels. */
export const exportChannels = {
  /** Asks where to save (save dialog) and writes the articles in scope; null when cancelled. */
  'export:library': channel(z.tuple([exportRequest, dialogStrings])).returns<LibraryExportResult | null>(),
  /** Fetches the images articles were saved without (offline at import); what it saved and what still waits. */
  'images:fetchPending': channel(z.tuple([])).returns<FetchImagesSummary>(),
  /** Settings → Storage & backup: asks where to save, then writes the whole library as one verified archive; null when cancelled. */
  'export:backup': channel(z.tuple([dialogStrings])).returns<BackupResult | null>(),
};

/** What a backup wrote. */
export interface BackupResult {
  file: string;
  files: number;
  bytes: number;
}

/** Export events main sends to the renderer. */
export const exportEvents = {
  /** Articles written so far by the running export. */
  'export:progress': event<{ done: number; total: number }>(),
};
