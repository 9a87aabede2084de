/** Translation errors: KabarErrors with the translation codes of ErrorCode, translated by the interface. */
import { KabarError } from '../errors';

/** Codes the translation core sends, besides the general ones. */
export const TRANSLATE_ERROR_CODES = ['TRANSLATION_UNAVAILABLE', 'PACK_INVALID', 'CANCELLED', 'TRANSLATION_FAILED'] as const;
export type TranslateErrorCode = (typeof TRANSLATE_ERROR_CODES)[number];

/** A KabarError with one of the translation codes. */
export function translateError(code: TranslateErrorCode, message: string, params: Record<string, string | number> = {}): KabarError {
  return new KabarError(code, message, params);
}

/** The error a cancelled translation ends with. */
export function cancelledError(): KabarError {
  return translateError('CANCELLED', 'The translation was cancelled.');
}

/** Throws CANCELLED when the signal has fired. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelledError();
}

/** Whether an error is a cancellation. */
export function isCancelled(error: unknown): boolean {
  return error instanceof KabarError && error.code === 'CANCELLED';
}
