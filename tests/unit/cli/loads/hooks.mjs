// @ts-check
/** Module resolve hook for register.mjs: appends each resolved URL to KABAR_RECORD_LOADS. */
import { appendFileSync } from 'node:fs';

/**
 * Resolves as Node would, then records the result.
 * @param {string} specifier
 * @param {unknown} context
 * @param {(specifier: string, context: unknown) => Promise<{ url: string }>} next
 */
export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  if (process.env.KABAR_RECORD_LOADS) appendFileSync(process.env.KABAR_RECORD_LOADS, `${result.url}\n`);
  return result;
}
