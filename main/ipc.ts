/**
 * The only file that imports ipcMain (lint-enforced). Registers one `ipcMain.handle` per
 * contract channel, refuses calls from any frame but our window's main frame on our own
 * page, validates arguments, and answers with a `Wire` so errors keep their code when they
 * cross the bridge (thrown Errors lose everything but the message there).
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { Handlers } from '../preload/contract';
import { answer, CHANNEL_NAMES } from './wire';

/** What registration needs: the handlers (opened lazily, so the window need not wait) and a sender check. */
export interface IpcOptions {
  /** Resolves to the handler set; a rejection answers every call with its error. */
  handlers: () => Promise<Handlers>;
  /** True when the event comes from our window's main frame showing our renderer page. */
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean;
}

/** Registers every channel and returns a function that removes them again. */
export function registerIpc({ handlers, isTrustedSender }: IpcOptions): () => void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => {
      // A foreign frame learns nothing: no Wire, just a rejected invoke.
      if (!isTrustedSender(event)) throw new Error(`Refused ${channel} from an untrusted frame`);
      return answer(channel, args, handlers);
    });
  }
  return () => {
    for (const channel of CHANNEL_NAMES) ipcMain.removeHandler(channel);
  };
}
