/**
 * The app's keeper of the sync password: Electron's safeStorage (the OS keychain: Keychain on
 * macOS, DPAPI on Windows, libsecret/kwallet on Linux). Where it cannot really encrypt (no keyring
 * on Linux gives the 'basic_text' backend), core's owner-only (0600) file instead.
 */
import { safeStorage } from 'electron';
import { ownerOnlyFileBox, type SecretBox } from './core/sync';

/** Whether safeStorage really encrypts here (it can only be asked once the app is ready). */
function keychainWorks(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text');
}

/**
 * The app's box. The handlers are built before the app is ready, so the choice is made at first
 * use (a sync or an account being added, always after ready) and kept for the session.
 */
export function keychainBox(): SecretBox {
  let chosen: SecretBox | undefined;
  const choose = (): SecretBox => {
    chosen ??= keychainWorks()
      ? { kind: 'keychain', encrypt: (plain) => safeStorage.encryptString(plain), decrypt: (data) => safeStorage.decryptString(data) }
      : ownerOnlyFileBox;
    return chosen;
  };
  return {
    get kind() {
      return choose().kind;
    },
    encrypt: (plain) => choose().encrypt(plain),
    decrypt: (data) => choose().decrypt(data),
  };
}
