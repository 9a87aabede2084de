/** What every `kabar` command shares: its parsed options, its shape, usage errors and id prefixes. */
import { KabarError } from '../core/errors';
import type { Library } from '../core/store';
import type { CommandResult } from './output';

/** Parsed options a command may read. */
export interface CommandOptions {
  positionals: string[];
  tag: string[];
  bookmarked: boolean;
  unread: boolean;
  trash: boolean;
  off: boolean;
  lang?: string;
  /** show: each block followed by its translation. */
  bilingual?: boolean;
  format?: string;
  out?: string;
  into?: string;
  limit?: string;
  offset?: string;
  sort?: string;
  to?: string;
  engine?: string;
  feed?: string;
  folder?: string;
  /** export-library: a search query, chosen ids, the book's title. */
  search?: string;
  ids?: string[];
  title?: string;
  cwd: string;
}

/** A command over an opened library. */
export type Command = (library: Library, options: CommandOptions) => Promise<CommandResult>;

/** Throws the usage line when fewer than `count` positionals were given. */
export function need(values: string[], count: number, usage: string): void {
  if (values.length < count) throw new KabarError('INVALID_ARGUMENT', `Usage: kabar ${usage}`);
}

/** Accepts a full id or a unique prefix of one (as git does), so ids can be typed. */
export function resolveId(library: Library, given: string): string {
  const found = library.idsStartingWith(given.trim().toLowerCase());
  if (found.length === 1) return found[0] as string;
  if (found.length > 1) throw new KabarError('INVALID_ARGUMENT', `The id ${given} is ambiguous; type more of it.`);
  throw new KabarError('NOT_FOUND', `No article with id ${given}. Run "kabar list" to see ids.`, { id: given });
}

