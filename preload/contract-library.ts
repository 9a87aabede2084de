/**
 * The library contract: the app, articles, tags, search, imports, settings, the shell, the
 * native dialogs and menu — every channel with its argument schema and result type, every
 * event with its payload. Tuples reject extra arguments and strict objects unknown keys, so a
 * renderer bug shows up as INVALID_ARGUMENT instead of reaching the core.
 */
import { z } from 'zod';
import type {
  Article,
  ArticleMeta,
  DroppedFile,
  ImportSummary,
  LibraryCounts,
  ListPage,
  ListQuery,
  RecoveryReport,
  SearchHit,
  Settings,
  TagCount,
} from '../main/core/types';
import { dialogStrings, id, label, source, tag, tags } from './contract-common';
import { feedSettingsShape } from './contract-feeds';
import { translateSettingsShape } from './contract-translate';
import { channel, event } from './define';

/** What the main process tells the renderer about itself. */
export interface AppInfo {
  version: string;
  dataDir: string;
  systemLocale: string;
  /** Where captured images are served from: `kabar-media://media/` in the app, a local path in the harness. */
  mediaBase: string;
  /** Set when opening the library had to recover from a damaged file. */
  recovery: RecoveryReport | null;
}

/** The labels the native menu shows, as a list so the schema and the type come from one place. */
export const MENU_KEYS = [
  'file', 'importFiles', 'importUrl', 'importOpml', 'exportOpml', 'exportLibrary', 'settings', 'quit', 'edit', 'undo', 'redo', 'cut',
  'copy', 'paste', 'selectAll', 'view', 'search', 'reload', 'toggleDevTools', 'resetZoom', 'zoomIn', 'zoomOut',
  'language', 'help', 'shortcuts',
] as const;

/** Every label the native menu shows, in the interface language. */
export type MenuStrings = Record<(typeof MENU_KEYS)[number], string>;

/** Commands the native menu sends to the renderer. */
export type MenuCommand = 'import-files' | 'import-url' | 'import-opml' | 'export-opml' | 'export-library' | 'search' | 'settings' | 'shortcuts' | `locale:${string}`;

// Sources are bounded so one call cannot make main allocate without limit.
const sources = z.array(source).max(10_000);

const listQuery: z.ZodType<ListQuery> = z.strictObject({
  tags: tags.optional(),
  bookmarked: z.boolean().optional(),
  unread: z.boolean().optional(),
  lang: z.string().min(1).max(35).optional(),
  feedId: id.optional(),
  feedIds: z.array(id).max(10_000).optional(),
  trash: z.boolean().optional(),
  query: z.string().min(1).max(2000).optional(),
  sort: z.enum(['savedAt', 'publishedAt']).optional(),
  order: z.enum(['desc', 'asc']).optional(),
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(10_000).optional(),
});

const droppedFile: z.ZodType<DroppedFile> = z.strictObject({
  name: z.string().min(1).max(1024),
  data: z.instanceof(Uint8Array),
});

const settingsPatch: z.ZodType<Partial<Settings>> = z.strictObject({
  locale: z.string().min(1).max(35).nullable().optional(),
  theme: z.enum(['system', 'light', 'dark', 'sepia']).optional(),
  fontSize: z.number().min(8).max(72).optional(),
  fontFamily: z.enum(['serif', 'sans']).optional(),
  sort: z.enum(['savedAt', 'publishedAt']).optional(),
  ...feedSettingsShape,
  ...translateSettingsShape,
});

const menuStrings = z.strictObject(Object.fromEntries(MENU_KEYS.map((k) => [k, label]))) as unknown as z.ZodType<MenuStrings>;

/** Library invoke channels: argument schemas and results. */
export const libraryChannels = {
  'app:info': channel(z.tuple([])).returns<AppInfo>(),
  'library:list': channel(z.tuple([listQuery])).returns<ListPage>(),
  'library:counts': channel(z.tuple([])).returns<LibraryCounts>(),
  'article:get': channel(z.tuple([id])).returns<Article>(),
  'article:delete': channel(z.tuple([id])).returns<void>(),
  'article:restore': channel(z.tuple([id])).returns<void>(),
  'article:setBookmarked': channel(z.tuple([id, z.boolean()])).returns<ArticleMeta>(),
  'article:setRead': channel(z.tuple([id, z.boolean()])).returns<ArticleMeta>(),
  'article:setProgress': channel(z.tuple([id, z.number().min(0).max(1)])).returns<void>(),
  /** Deletes every article in the trash for good; resolves to how many went. */
  'trash:empty': channel(z.tuple([])).returns<number>(),
  'tags:add': channel(z.tuple([id, tags])).returns<ArticleMeta>(),
  'tags:remove': channel(z.tuple([id, tags])).returns<ArticleMeta>(),
  'tags:rename': channel(z.tuple([tag, tag])).returns<void>(),
  'tags:merge': channel(z.tuple([tags, tag])).returns<void>(),
  'tags:list': channel(z.tuple([])).returns<TagCount[]>(),
  'search:query': channel(z.tuple([z.string().max(1000), z.number().int().min(1).max(1000)])).returns<SearchHit[]>(),
  'import:urls': channel(z.tuple([sources, tags])).returns<ImportSummary>(),
  'import:paths': channel(z.tuple([sources, tags])).returns<ImportSummary>(),
  'import:files': channel(z.tuple([z.array(droppedFile).max(1000), tags])).returns<ImportSummary>(),
  /** The user is about to import (Add dialog opened, files dragged in): main gets its import workers ready. */
  'import:prepare': channel(z.tuple([])).returns<void>(),
  'settings:get': channel(z.tuple([])).returns<Settings>(),
  'settings:set': channel(z.tuple([settingsPatch])).returns<Settings>(),
  'shell:openExternal': channel(z.tuple([source])).returns<void>(),
  /** Shows the system's open dialog; resolves to the chosen paths ([] when cancelled). */
  'dialog:openFiles': channel(z.tuple([dialogStrings])).returns<string[]>(),
  /** Rebuilds the native menu with labels in the interface language. */
  'menu:setStrings': channel(z.tuple([menuStrings])).returns<void>(),
};

/** Library events main sends to the renderer. */
export const libraryEvents = {
  /** `progressOnly`: only reading progress moved, so lists and counts are unchanged. */
  'library:changed': event<{ ids: string[]; progressOnly?: boolean }>(),
  'import:progress': event<{ done: number; total: number; source: string }>(),
  'menu:command': event<{ command: MenuCommand }>(),
};
