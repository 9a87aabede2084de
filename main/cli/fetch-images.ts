/** `kabar fetch-images`: fetches the images articles were saved without (offline, or too slow at import). */
import { fetchPendingImages } from '../core/image-retry';
import type { Command } from './commands';
import { resolveId } from './commands';

const fetchImagesCommand: Command = async (library, o) => {
  const ids = o.positionals.length > 0 ? o.positionals.map((given) => resolveId(library, given)) : undefined;
  const summary = await fetchPendingImages(library, { ids });
  const text =
    summary.articles === 0
      ? 'No article is waiting for images.'
      : `${summary.saved} images saved, ${summary.gone} cannot be saved (gone or not images), ${summary.stillPending} still waiting, in ${summary.articles} articles`;
  // 2, as for a partly failed import: some images are still waiting (offline?); run it again later.
  return { json: summary, text, exitCode: summary.stillPending > 0 ? 2 : 0 };
};

/** The image commands, by name (merged into the CLI's commands in run.ts). */
export const FETCH_IMAGES_COMMANDS: Record<string, Command> = { 'fetch-images': fetchImagesCommand };
