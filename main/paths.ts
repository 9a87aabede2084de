/** Where Kabar keeps its library. Pure: the caller passes argv, env and Electron's userData path. */
import { resolve } from 'node:path';

/** What data-dir resolution looks at. */
export interface DataDirInputs {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  /** `app.getPath('userData')`, the default. */
  userData: string;
  cwd: string;
}

/**
 * The library folder: `--data DIR` (or `--data=DIR`) wins, then `KABAR_DATA_DIR`, then
 * Electron's userData folder. Relative paths resolve against `cwd` so the folder does not
 * move when the process changes directory.
 */
export function resolveDataDir({ argv, env, userData, cwd }: DataDirInputs): string {
  const fromArgs = dataArg(argv);
  const chosen = fromArgs ?? (env.KABAR_DATA_DIR?.trim() || userData);
  return resolve(cwd, chosen);
}

/** The value of `--data DIR` / `--data=DIR` in argv, or null. The last one wins, as with most CLIs. */
export function dataArg(argv: readonly string[]): string | null {
  let found: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--data' && i + 1 < argv.length && argv[i + 1] !== '') found = argv[++i];
    else if (arg.startsWith('--data=') && arg.length > '--data='.length) found = arg.slice('--data='.length);
  }
  return found;
}
