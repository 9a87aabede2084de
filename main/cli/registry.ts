/**
 * Which module holds each `kabar` command, loaded only when that command runs: `kabar list` must
 * not pay for jsdom, Readability, feedsmith or the translation engines (issue 10, cli_list_ms).
 */
import type { Command } from './base';

type Loader = () => Promise<Record<string, Command>>;

const metadata: Loader = async () => (await import('./commands')).COMMANDS;
const io: Loader = async () => (await import('./commands-io')).IO_COMMANDS;
const translation: Loader = async () => (await import('./translate')).TRANSLATE_COMMANDS;
const feeds: Loader = async () => (await import('./feeds')).FEED_COMMANDS;
// `packs` (available, get; the rest delegated to the translation module) and `speak`.
const libraryExport: Loader = async () => (await import('./library-export')).LIBRARY_EXPORT_COMMANDS;
const fetchImages: Loader = async () => (await import('./fetch-images')).FETCH_IMAGES_COMMANDS;
const libraryImport: Loader = async () => (await import('./library-import')).LIBRARY_IMPORT_COMMANDS;
const sync: Loader = async () => (await import('./sync')).SYNC_COMMANDS;
const packSource: Loader = async () => (await import('./packs')).PACK_COMMANDS;
const marks: Loader = async () => (await import('./highlights')).MARK_COMMANDS;

const WHERE: Record<string, Loader> = {
  list: metadata,
  show: metadata,
  tag: metadata,
  untag: metadata,
  tags: metadata,
  bookmark: metadata,
  read: metadata,
  search: metadata,
  delete: metadata,
  undelete: metadata,
  'empty-trash': metadata,
  import: io,
  export: io,
  backup: io,
  translate: translation,
  engines: translation,
  packs: packSource,
  speak: packSource,
  'export-library': libraryExport,
  'fetch-images': fetchImages,
  'import-library': libraryImport,
  'fetch-pending': libraryImport,
  sync,
  feeds,
  highlights: marks,
  rules: marks,
  views: marks,
};

/** Every command name that works on an opened library (`restore` works on a closed one). */
export const COMMAND_NAMES: readonly string[] = Object.keys(WHERE);

/** The command called `name`, loading its module; undefined for an unknown name. */
export async function loadCommand(name: string): Promise<Command | undefined> {
  const load = Object.hasOwn(WHERE, name) ? WHERE[name] : undefined;
  return load ? (await load())[name] : undefined;
}
