/**
 * Where the browser host keeps autosaves and Open Recent when no folder is given: a per-user
 * application data folder, so unsaved work survives the host being killed and restarted.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

/** The app's folder name under the platform's per-user application data folder. */
export const APP_FOLDER = 'Refscope'

/** `<per-user app data>/Refscope/sessions` on this platform (or as `env` says). */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const base =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'))
  return join(base, APP_FOLDER, 'sessions')
}
