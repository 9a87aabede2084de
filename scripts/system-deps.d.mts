/** Types of scripts/system-deps.mjs (plain JavaScript so it runs before `npm ci`), for the tests. */

/** Debian packages the test tiers use, and why. */
export declare const SYSTEM_PACKAGES: readonly { readonly name: string; readonly why: string }[];
/** Package names to check: SYSTEM_PACKAGES plus KABAR_SYSTEM_PACKAGES_EXTRA. */
export declare function packageNames(env?: NodeJS.ProcessEnv): string[];
/** The names dpkg does not list as installed (unknown names count as missing). */
export declare function missingPackages(names: readonly string[]): string[];
/** Whether this process may install packages itself. */
export declare function canInstall(host: { uid: number; env: NodeJS.ProcessEnv; argv: readonly string[]; hasApt: boolean }): boolean;
/** The one command that installs `missing`. */
export declare function installCommand(missing: readonly string[], uid: number): string;
/** Checks (and, as root with apt, installs) the system packages; returns the exit code. */
export declare function ensureSystemPackages(options?: {
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
}): number;
