/** Where captured images are served from, and the URL of one (pure: no bridge calls). */

let mediaBase = 'kabar-media://media/';

/** Sets where captured images are served from (AppInfo.mediaBase), once at start-up. */
export function setMediaBase(base: string): void {
  mediaBase = base;
}

/** The URL of a captured image (a block's `media` file name) for <img src>. */
export function mediaUrl(name: string): string {
  return `${mediaBase}${encodeURIComponent(name)}`;
}
