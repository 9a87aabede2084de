/**
 * The account password, kept apart from everything else: `<data>/sync/secret`, mode 0600, its
 * bytes made by a SecretBox. The app's box is Electron's safeStorage (the OS keychain); the CLI's
 * stores the bytes as they are and relies on the file being readable only by its owner.
 */
import { chmodSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { KabarError } from '../errors';
import { syncDir } from './state';

/** Turns a secret into bytes and back (Electron's safeStorage has exactly this shape). */
export interface SecretBox {
  /** A word for status lines: 'keychain', 'owner-only file'. */
  readonly kind: string;
  encrypt(plain: string): Buffer;
  decrypt(data: Buffer): string;
}

/** The CLI's box: no encryption available, so the protection is the file's 0600 mode. */
export const ownerOnlyFileBox: SecretBox = {
  kind: 'owner-only file',
  encrypt: (plain) => Buffer.from(plain, 'utf8'),
  decrypt: (data) => data.toString('utf8'),
};

/** Where the secret lives. */
export function secretPath(dataDir: string): string {
  return join(syncDir(dataDir), 'secret');
}

/** Stores the password (0600 from the first byte: the temp file is created with that mode). */
export function saveSecret(dataDir: string, box: SecretBox, password: string): void {
  const target = secretPath(dataDir);
  const temp = `${target}.${process.pid}.tmp`;
  mkdirSync(syncDir(dataDir), { recursive: true, mode: 0o700 });
  const fd = openSync(temp, 'w', 0o600);
  try {
    const bytes = box.encrypt(password);
    writeSync(fd, bytes, 0, bytes.length);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  chmodSync(temp, 0o600);
  renameSync(temp, target);
}

/** Reads the password; SYNC_CREDENTIALS when it is missing or cannot be decrypted. */
export function loadSecret(dataDir: string, box: SecretBox): string {
  let data: Buffer;
  try {
    data = readFileSync(secretPath(dataDir));
  } catch {
    throw new KabarError('SYNC_CREDENTIALS', 'The sync password is missing. Remove the account and add it again.');
  }
  try {
    return box.decrypt(data);
  } catch {
    throw new KabarError('SYNC_CREDENTIALS', `The sync password could not be read from the ${box.kind}. Remove the account and add it again.`);
  }
}

/** Forgets the password. */
export function removeSecret(dataDir: string): void {
  rmSync(secretPath(dataDir), { force: true });
}
