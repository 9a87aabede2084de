/** The names of the export formats Kabar reads from other apps: one list for the importers, `--from` and the channel contract. */
export const IMPORT_FORMATS = [
  'pocket-csv',
  'pocket-html',
  'instapaper-csv',
  'readwise-csv',
  'omnivore-json',
  'omnivore-zip',
  'wallabag-json',
  'readability-json',
  'netscape',
  'firefox-json',
  'chrome-json',
  'pinboard-json',
] as const;

/** One format name. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];
