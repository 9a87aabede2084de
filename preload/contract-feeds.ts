/**
 * The feed half of the IPC contract (issue 4): channels and events for subscriptions,
 * refresh and OPML. preload/contract.ts merges it into `Invoke` and `Events`.
 */

/** Feed invoke channels and their signatures. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feeds work
export interface FeedInvoke {}

/** Feed events main sends to the renderer. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by the feeds work
export interface FeedEvents {}
