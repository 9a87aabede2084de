/**
 * `kabar import-library FILE [--from FORMAT] [--tag T] [--no-fetch]` and `kabar fetch-pending`:
 * bring another app's export in, then fetch the pages of its links, each ending in a summary.
 */
import { resolve } from 'node:path';
import { KabarError } from '../core/errors';
import { FORMATS, importLibraryFile, isImportFormat, LinkFetcher, type FetchStatus, type MigrateSummary } from '../core/migrate';
import type { Library } from '../core/store';
import type { Command, CommandOptions } from './commands';
import type { CommandResult } from './output';

/** Options these commands read beyond the shared ones. */
type ImportOptions = CommandOptions & { from?: string; 'no-fetch'?: boolean };

/** Progress goes to stderr (stdout keeps the summary, or the JSON document) on a terminal or with KABAR_PROGRESS=1. */
function progress(line: string): void {
  if (process.stderr.isTTY || process.env.KABAR_PROGRESS === '1') process.stderr.write(`${line}\n`);
}

function throttled(every: number, print: (line: string) => void): (line: string, force?: boolean) => void {
  let last = 0;
  return (line, force = false) => {
    const now = Date.now();
    if (force || now - last >= every) {
      last = now;
      print(line);
    }
  };
}

function fetchLines(status: FetchStatus): string[] {
  const lines = [`fetched ${status.fetched}, failed ${status.failed}, still waiting ${status.waiting}${status.paused ? ' (paused)' : ''}`];
  for (const f of status.failures) lines.push(`  failed  ${f.title}  <${f.url}>  ${f.code}: ${f.message}`);
  return lines;
}

async function fetchAll(library: Library): Promise<FetchStatus> {
  const say = throttled(500, progress);
  const fetcher = new LinkFetcher(library, {
    onProgress: (s) => say(`fetching pages: ${s.done} of ${s.total}${s.offline ? ' (offline, waiting)' : ''}`, s.done === s.total),
  });
  return fetcher.run();
}

function summaryLines(s: MigrateSummary): string[] {
  const lines = [
    `${s.format}: ${s.entries} entries read`,
    `imported ${s.imported} (${s.withContent} with their text, ${s.linksWaiting} links waiting for their page), already there ${s.alreadyThere}, failed ${s.failed}`,
  ];
  if (s.highlights > 0) lines.push(`highlights kept: ${s.highlights}`);
  if (s.imported === 0 && s.alreadyThere > 0) lines.push('Nothing new: every entry was already in the library (their tags and state were merged).');
  for (const f of s.failures) lines.push(`  failed  ${f.label}  ${f.code}: ${f.message}`);
  if (s.failed > s.failures.length) lines.push(`  … and ${s.failed - s.failures.length} more failures`);
  return lines;
}

const importLibrary: Command = async (library, options): Promise<CommandResult> => {
  const o = options as ImportOptions;
  const [file] = o.positionals;
  if (!file) throw new KabarError('INVALID_ARGUMENT', `Usage: kabar import-library FILE [--from ${FORMATS.join('|')}] [--tag T] [--no-fetch]`);
  if (o.from !== undefined && !isImportFormat(o.from)) {
    throw new KabarError('INVALID_ARGUMENT', `Unknown format "${o.from}". Formats: ${FORMATS.join(', ')}.`, { field: 'from' });
  }
  const say = throttled(500, progress);
  const summary = await importLibraryFile(library, resolve(o.cwd, file), {
    from: o.from,
    tags: o.tag,
    onProgress: (s) => say(`importing: ${s.entries} of ${s.total}`),
  });
  const lines = summaryLines(summary);
  let fetched: FetchStatus | null = null;
  if (!o['no-fetch'] && new LinkFetcher(library).waitingLinks().length > 0) {
    fetched = await fetchAll(library);
    lines.push(...fetchLines(fetched));
  } else if (summary.linksWaiting > 0) {
    lines.push('Run "kabar fetch-pending" to fetch the links\' pages.');
  }
  return { json: { ...summary, fetch: fetched }, text: lines.join('\n'), exitCode: summary.failed > 0 ? 2 : 0 };
};

const fetchPending: Command = async (library, options): Promise<CommandResult> => {
  const fetcher = new LinkFetcher(library);
  if (options.positionals[0] === 'retry-failed') {
    const count = await fetcher.retryFailed();
    progress(`${count} failed links queued again`);
  }
  const status = await fetchAll(library);
  const stillFailed = fetcher.failedLinks().map((m) => ({ id: m.id, url: m.url, title: m.title, code: m.link?.code, reason: m.link?.reason }));
  return { json: { ...status, failedLinks: stillFailed }, text: fetchLines(status).join('\n'), exitCode: status.failed > 0 ? 2 : 0 };
};

/** The commands this file adds, registered in run.ts. */
export const LIBRARY_IMPORT_COMMANDS: Record<string, Command> = {
  'import-library': importLibrary,
  'fetch-pending': fetchPending,
};
