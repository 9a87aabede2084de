/**
 * The `kabar-media:` protocol: captured images served from `<dataDir>/media/` by name, so
 * the reader shows pictures offline without the page ever getting file:// access.
 */
import { lstat, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { protocol } from 'electron';
import { MEDIA_HEADERS, MEDIA_SCHEME, parseMediaUrl } from './security';

/** Declares the scheme standard and secure; Electron only accepts this before `ready`. */
export function registerMediaScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true } }]);
}

/** Serves `kabar-media://media/<sha256>.<ext>` from `<dataDir>/media/`; anything else is a 404. */
export function handleMediaProtocol(dataDir: string): void {
  const mediaDir = join(dataDir, 'media');
  protocol.handle(MEDIA_SCHEME, (request) => serveMedia(mediaDir, request));
}

/** Answers one media request. Exported for tests. */
export async function serveMedia(mediaDir: string, request: Request): Promise<Response> {
  const asked = request.method === 'GET' ? parseMediaUrl(request.url) : null;
  if (!asked) return notFound();
  const file = join(mediaDir, asked.name);
  try {
    // lstat, not stat: a symlink planted in media/ must not lead out of it.
    if (!(await lstat(file)).isFile()) return notFound();
    const body = await readFile(file);
    return new Response(body, { status: 200, headers: { ...MEDIA_HEADERS, 'Content-Type': asked.type } });
  } catch {
    return notFound();
  }
}

function notFound(): Response {
  return new Response(null, { status: 404, headers: { ...MEDIA_HEADERS } });
}
