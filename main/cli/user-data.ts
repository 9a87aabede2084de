/** The app's own data folder, computed the way Electron's app.getPath('userData') does for "Kabar". */
import { homedir } from 'node:os';
import { join } from 'node:path';

/** Electron's userData folder for the app named Kabar on this OS. */
export function appUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = homedir(),
): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Kabar');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'Kabar');
  return join(env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Kabar');
}
