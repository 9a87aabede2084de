/** Sync through a Google Reader API server (DESIGN.md §11): client, account, journal of local changes, merge, pull. */
export { GReaderClient, READING_LIST, READ, STARRED, LABEL, type ClientOptions } from './client';
export { SyncSession, type SyncOptions, type SyncReport, type SyncStatusView } from './engine';
export { ownerOnlyFileBox, secretPath, type SecretBox } from './secrets';
export { syncDir, type AccountOptions, type SyncAccount, type SyncStatus, type StoredError } from './state';
export { shortId } from './shapes';
