/**
 * The translation half of the IPC contract (issue 5): engines, packs and article
 * translation. preload/contract.ts merges it into `Invoke` and `Events`.
 */

/** Translation invoke channels and their signatures. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the translation work
export interface TranslateInvoke {}

/** Translation events main sends to the renderer. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the translation work
export interface TranslateEvents {}
