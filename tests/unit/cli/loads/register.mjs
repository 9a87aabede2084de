// @ts-check
/**
 * `node --import ./register.mjs PROGRAM`: records every module PROGRAM loads, one URL a line, in the
 * file named by KABAR_RECORD_LOADS (tests check what `kabar list` loads): ES imports through the
 * resolve hook (hooks.mjs), and CommonJS requires (jsdom is required on first use) through Module._load.
 */
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';
import { pathToFileURL } from 'node:url';

register('./hooks.mjs', import.meta.url);

/** @type {{ _load: (request: string, parent: unknown, isMain: boolean) => unknown, _resolveFilename: (request: string, parent: unknown, isMain: boolean) => string }} */
const internals = /** @type {any} */ (Module); // Node's CommonJS loader internals: not in its typings.
const load = internals._load;
internals._load = function recordingLoad(request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  const out = process.env.KABAR_RECORD_LOADS;
  if (out) {
    try {
      appendFileSync(out, `${pathToFileURL(internals._resolveFilename(request, parent, isMain)).href}\n`);
    } catch {
      // A built-in module or one that cannot be resolved again: nothing to record.
    }
  }
  return loaded;
};
