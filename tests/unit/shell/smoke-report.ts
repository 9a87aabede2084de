/** The JSON the smoke-test drivers (stand-in/run-main.mjs, stand-in/run-preload.cjs) print, typed for the tests. */
import { execFileSync } from 'node:child_process';
import type { UserError, Wire } from '../../../preload/contract';

/** An IPC call as the driver saw it: a Wire, or a rejected invoke. */
export type IpcOutcome = { resolved: Wire<unknown> } | { rejected: string };

/** One menu item with its click replaced by `command: true`. */
export interface MenuItemReport {
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  command: boolean;
  submenu?: MenuItemReport[];
}

/** What run-main.mjs reports about the built main process. */
export interface MainReport {
  errors: string[];
  beforeReady: string[];
  userData: string;
  privileged: [{ scheme: string; privileges: Record<string, boolean> }[]][];
  ipcChannels: string[];
  windowCount: number;
  quitCalls: number;
  windowOptions?: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loads?: { kind: 'file' | 'url'; target: string }[];
  navigation?: { url: string; prevented: boolean; openedExternally: string[] }[];
  windowOpen?: { url: string; result: { action: string }; openedExternally: string[] }[];
  webviewPrevented?: boolean;
  responseHeaders?: Record<string, string[]>;
  permissionGranted?: boolean | string;
  permissionCheck?: boolean | string;
  downloadPrevented?: boolean;
  ipc?: Record<'appInfo' | 'badArgs' | 'extraArgs' | 'foreignFrame' | 'subFrame' | 'otherContents', IpcOutcome>;
  media?: { url: string; status: number; type: string | null; body: string | null }[] | null;
  menu?: MenuItemReport[];
  sentAfterMenuClick?: { channel: string; payload: unknown }[];
  quitOnAllClosed?: number;
  willQuitPrevented?: boolean;
  quitAfterClose?: number;
}

/** What run-preload.cjs reports about the built preload. */
export interface PreloadReport {
  requires: string[];
  exposed: { key: string; members: { name: string; type: string }[] }[];
  invoked: { channel: string; args: unknown[] }[];
  listeners: { op: string; channel: string; same?: boolean }[];
  errors: string[];
  pathForFile: string;
  eventPayloads: unknown[];
  unknownEvent: string;
  unknownChannel: string;
}

/** Runs a driver script under plain Node and parses its JSON report. */
export function runDriver<T>(script: string, args: string[], env: Record<string, string>): T {
  const stdout = execFileSync(process.execPath, [script, ...args], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 30_000,
  });
  return JSON.parse(stdout) as T;
}

/** The error of a Wire outcome, or null. */
export function wireError(outcome: IpcOutcome | undefined): UserError | null {
  return outcome && 'resolved' in outcome && !outcome.resolved.ok ? outcome.resolved.error : null;
}
