/** The errors a whole import file can end with (each has errors.<CODE> strings in every locale). */
import { KabarError } from '../errors';

/** The file is of no format Kabar reads, or not of the one asked for. */
export function unknownFormat(name: string, wanted?: string): KabarError {
  return wanted
    ? new KabarError('IMPORT_UNKNOWN_FORMAT', `${name} is not a ${wanted} export. Choose the file that app exported, or leave out --from.`, {
        file: name,
        format: wanted,
      })
    : new KabarError(
        'IMPORT_UNKNOWN_FORMAT',
        `${name} is not an export Kabar knows (Pocket, Instapaper, Omnivore, wallabag, Readwise, browser bookmarks, Pinboard). Nothing was imported.`,
        { file: name },
      );
}

/** The file is broken: what was wrong, for the log and the message. */
export function malformed(format: string, detail: string): KabarError {
  return new KabarError('IMPORT_MALFORMED', `This ${format} file is damaged (${detail}). Nothing was imported from it.`, { format, detail });
}

/** A CSV whose header lacks columns the format needs. */
export function missingColumns(format: string, missing: string[]): KabarError {
  return new KabarError('IMPORT_COLUMNS', `This ${format} file lacks the column(s) ${missing.join(', ')}. Nothing was imported.`, {
    format,
    missing: missing.join(', '),
  });
}

/** A ZIP that would harm the computer if unpacked. */
export function zipUnsafe(reason: string): KabarError {
  return new KabarError('ZIP_UNSAFE', `This ZIP file was refused: ${reason}. Nothing was imported.`, { reason });
}

/** A file with more entries than one import takes (params: file, max); checked before anything is stored. */
export function tooManyEntries(file: string, max: number): KabarError {
  return new KabarError(
    'IMPORT_TOO_MANY',
    `${file} holds more than ${max} entries, more than one import can take. Nothing was imported. Split it into files of at most ${max} entries (each CSV part keeps the header line) and import them one after another.`,
    { file, max },
  );
}
