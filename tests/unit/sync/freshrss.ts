/**
 * A real FreshRSS for sync tests, started by the test itself with ../shared/servers/freshrss-up.sh
 * in a temp folder (Debian's PHP and SQLite), plus a raw Google Reader API caller that checks
 * what the server holds without going through Kabar's client.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The server script, beside the checkout. */
export const FRESHRSS_UP = process.env.KABAR_FRESHRSS_UP ?? resolve(fileURLToPath(new URL('.', import.meta.url)), '../../../../shared/servers/freshrss-up.sh');

/** Why FreshRSS cannot run here, or null when it can. */
export async function freshRssMissing(): Promise<string | null> {
  if (!existsSync(FRESHRSS_UP)) return `the FreshRSS script is not at ${FRESHRSS_UP}`;
  try {
    const { stdout } = await run('php', ['-m']);
    for (const mod of ['pdo_sqlite', 'curl', 'mbstring', 'xml']) {
      if (!new RegExp(`^${mod}$`, 'mi').test(stdout)) return `PHP lacks ${mod} (apt-get install php-sqlite3 php-curl php-xml php-mbstring php-intl php-zip php-gmp)`;
    }
    return null;
  } catch {
    return 'php is missing (apt-get install php-cli php-sqlite3 php-curl php-xml php-mbstring php-intl php-zip php-gmp)';
  }
}

/** Ports a test may use (a session's own range); FreshRSS writes its base URL at install, so the port is fixed per server. */
export interface PortRange {
  from: number;
  count: number;
}

/** A free port in the range (default 18400-18499). */
async function freePort(range: PortRange = { from: 18400, count: 100 }): Promise<number> {
  for (let tries = 0; tries < 200; tries++) {
    const port = range.from + Math.floor(Math.random() * range.count);
    const free = await new Promise<boolean>((ok) => {
      const s = createServer();
      s.once('error', () => ok(false));
      s.listen(port, '127.0.0.1', () => s.close(() => ok(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${range.from}-${range.from + range.count - 1}`);
}

/** One running FreshRSS. */
export interface FreshRss {
  api: string;
  user: string;
  password: string;
  dir: string;
  /** Stops the PHP server (the data stays). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data. */
  start(): Promise<void>;
  /** Fetches every feed now (php cli/actualize-user.php). */
  actualize(): Promise<void>;
  /** Changes the user's API password. */
  setApiPassword(password: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts a FreshRSS with user alice on a free port (in `range` when given). */
export async function startFreshRss(range?: PortRange): Promise<FreshRss> {
  const dir = await mkdtemp(join(tmpdir(), 'kabar-freshrss-'));
  const port = await freePort(range);
  const { stdout } = await run(FRESHRSS_UP, [dir, String(port)], { timeout: 60_000 });
  const pid = Number(/pid=(\d+)/.exec(stdout)?.[1]);
  const api = /api=(\S+)/.exec(stdout)?.[1] as string;
  const password = /password=(\S+)/.exec(stdout)?.[1] as string;
  const tree = join(dir, 'freshrss');
  let proc: ChildProcess | null = null;
  let serverPid: number | null = pid;
  const waitUp = async (): Promise<void> => {
    for (let i = 0; i < 100; i++) {
      if (await fetch(api).then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('FreshRSS did not start');
  };
  const server: FreshRss = {
    api,
    user: 'alice',
    password,
    dir,
    async stop() {
      if (serverPid) process.kill(serverPid, 'SIGTERM');
      serverPid = null;
      proc = null;
      for (let i = 0; i < 50 && (await fetch(api).then(() => true, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    },
    async start() {
      proc = spawn('php', ['-S', `127.0.0.1:${port}`, '-t', 'p'], { cwd: tree, stdio: 'ignore', detached: false });
      serverPid = proc.pid ?? null;
      await waitUp();
    },
    async actualize() {
      await run('php', ['cli/actualize-user.php', '--user', 'alice'], { cwd: tree, timeout: 120_000 }).catch(() => undefined);
    },
    async setApiPassword(next: string) {
      await run('php', ['cli/update-user.php', '--user', 'alice', '--api-password', next], { cwd: tree });
      // PHP's opcache serves the old config.php for up to 2 s: wait until the server takes the new password.
      for (let i = 0; i < 60; i++) {
        const res = await fetch(`${api}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: 'alice', Passwd: next }) });
        await res.text();
        if (res.status === 200) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('FreshRSS did not take the new API password');
    },
    async close() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  return server;
}

/** Calls FreshRSS's own API directly (login, then GET or POST), to check what the server holds. */
export class RawApi {
  private auth = '';
  private token = '';

  constructor(private readonly api: string, private readonly user: string, private readonly password: string) {}

  /** The auth value ClientLogin hands out (tests look for it in files). */
  async login(): Promise<string> {
    const res = await fetch(`${this.api}/accounts/ClientLogin`, { method: 'POST', body: new URLSearchParams({ Email: this.user, Passwd: this.password }) });
    this.auth = /Auth=(.+)/.exec(await res.text())?.[1]?.trim() ?? '';
    this.token = (await (await fetch(`${this.api}/reader/api/0/token`, { headers: this.headers() })).text()).trim();
    return this.auth;
  }

  /** The write token. */
  get writeToken(): string {
    return this.token;
  }

  private headers(): Record<string, string> {
    return { authorization: `GoogleLogin auth=${this.auth}` };
  }

  /** GET …/reader/api/0/<path> as JSON. */
  async get<T>(path: string): Promise<T> {
    if (!this.auth) await this.login();
    const res = await fetch(`${this.api}/reader/api/0/${path}`, { headers: this.headers() });
    return JSON.parse(await res.text()) as T;
  }

  /** POST …/reader/api/0/<path> with form fields and the T token. */
  async post(path: string, form: [string, string][]): Promise<string> {
    if (!this.auth) await this.login();
    const res = await fetch(`${this.api}/reader/api/0/${path}`, { method: 'POST', headers: this.headers(), body: new URLSearchParams([...form, ['T', this.token]]) });
    return res.text();
  }

  /** Every item with its categories (title → categories). */
  async items(): Promise<Map<string, { id: string; categories: string[]; link: string }>> {
    const out = new Map<string, { id: string; categories: string[]; link: string }>();
    const page = await this.get<{ items: { id: string; title: string; categories: string[]; canonical?: { href: string }[] }[] }>(
      'stream/contents/user/-/state/com.google/reading-list?output=json&n=10000',
    );
    for (const item of page.items) out.set(item.title, { id: item.id, categories: item.categories, link: item.canonical?.[0]?.href ?? '' });
    return out;
  }

  /** Subscriptions as title → folder label. */
  async subscriptions(): Promise<Map<string, { id: string; folder: string; url: string }>> {
    const list = await this.get<{ subscriptions: { id: string; title: string; url: string; categories: { label: string }[] }[] }>('subscription/list?output=json');
    return new Map(list.subscriptions.map((s) => [s.title, { id: s.id, folder: s.categories[0]?.label ?? '', url: s.url }]));
  }
}
