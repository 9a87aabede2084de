/**
 * Nothing is lost: a real Node child imports corpus files, tags, bookmarks and trashes articles in
 * a loop and is killed with SIGKILL at random moments, 50 times over one data folder. After every
 * kill: every file in the folder parses, the library opens without recovery (the dead child's lock
 * is recognised as stale), and every operation the child had confirmed is there.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../main/core/articles/decode';
import { parsePlainText } from '../../../main/core/articles/plaintext';
import { openSearchIndex } from '../../../main/core/search';
import { articleId, openLibrary, type Library } from '../../../main/core/store';
import { migrate } from '../../../main/core/store/schema';
import { CORPUS, SEED, tempDir } from '../helpers';
import { rng } from './seeded-random';

const KILLS = 50;
const SEED_VALUE = Number(process.env.KABAR_CRASH_SEED ?? 20261127);
const ROOT = resolve(__dirname, '../../..');
const FILES = [
  SEED,
  ...readdirSync(join(CORPUS, 'articles/newspaper4k/txt'))
    .filter((n) => n.endsWith('.txt'))
    .map((n) => join(CORPUS, 'articles/newspaper4k/txt', n)),
];


interface Expected {
  live: boolean;
  bookmarked: boolean;
  tags: Set<string>;
}

/** An operation as the child printed it: kind, article id (or file for an import intent), argument. */
interface Op {
  kind: 'imp' | 'tag' | 'bm' | 'del';
  target: string;
  arg?: string;
}

function parseOp(text: string): Op {
  const [kind, target, arg] = text.split(' ') as [Op['kind'], string, string | undefined];
  return { kind, target, arg };
}

/** Applies a confirmed operation to what the library must hold. */
function applyConfirmed(model: Map<string, Expected>, op: Op): void {
  const entry = model.get(op.target) ?? { live: true, bookmarked: false, tags: new Set<string>() };
  model.set(op.target, entry);
  if (op.kind === 'imp') entry.live = true;
  else if (op.kind === 'tag') entry.tags.add(op.arg as string);
  else if (op.kind === 'bm') entry.bookmarked = op.arg === '1';
  else entry.live = false;
}

/** The id an import of `file` gives, the way the store derives it. */
function idOfFile(file: string): string {
  return articleId(parsePlainText(decodeBytes(readFileSync(file)).text));
}

interface RunOutcome {
  confirmed: Op[];
  pending: Op | null;
  killedBeforeReady: boolean;
  readyMs: number;
}

async function runAndKill(child: string, dir: string, run: number, random: () => number, openMs: number): Promise<RunOutcome> {
  const proc = spawn(process.execPath, [child, dir, String(SEED_VALUE), String(run), ...FILES], { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  const started = performance.now();
  const outcome: RunOutcome = { confirmed: [], pending: null, killedBeforeReady: false, readyMs: 0 };
  let stderr = '';
  proc.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const duringOpen = random() < 0.2;
  const afterReadyMs = 20 + random() * 400;
  const kill = (): boolean => proc.kill('SIGKILL');
  const openTimer = duringOpen ? setTimeout(() => ((outcome.killedBeforeReady = outcome.readyMs === 0), kill()), random() * openMs) : null;
  let rest = '';
  const exit = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  proc.stdout.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString()).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') {
        outcome.readyMs = performance.now() - started;
        if (!duringOpen) setTimeout(kill, afterReadyMs);
      } else if (line.startsWith('? ')) outcome.pending = parseOp(line.slice(2));
      else if (line.startsWith('! ')) {
        outcome.confirmed.push(parseOp(line.slice(2)));
        outcome.pending = null;
      }
    }
  });
  const code = await exit;
  if (openTimer) clearTimeout(openTimer);
  // A child that exits on its own (not by our kill) crashed: show why.
  expect(code, `child ${run} exited by itself: ${stderr}`).toBeNull();
  return outcome;
}

/** Lines of a journal that parse; a torn last line (no newline) is allowed and counted. */
function checkJournal(path: string, problems: string[]): number {
  if (!existsSync(path)) return 0;
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const last = lines.pop() as string;
  lines.forEach((line, i) => {
    try {
      JSON.parse(line);
    } catch {
      problems.push(`${path}: line ${i + 1} does not parse`);
    }
  });
  return last === '' ? 0 : 1;
}

function checkJson(path: string, problems: string[], validate?: (value: unknown) => void): void {
  try {
    const value: unknown = JSON.parse(readFileSync(path, 'utf8'));
    validate?.(value);
  } catch (error) {
    problems.push(`${path}: ${(error as Error).message}`);
  }
}

/** A text sidecar: a JSON header whose length matches the text after it. */
function checkSidecar(path: string, problems: string[]): void {
  const raw = readFileSync(path, 'utf8');
  const eol = raw.indexOf('\n');
  try {
    const header = JSON.parse(raw.slice(0, eol)) as { length: number };
    if (header.length !== raw.length - eol - 1) problems.push(`${path}: length does not match`);
  } catch {
    problems.push(`${path}: header does not parse`);
  }
}

/** Every file of the data folder as the kill left it; returns the problems and torn journal tails. */
async function checkFiles(dir: string, { tempsAllowed }: { tempsAllowed: boolean }): Promise<{ problems: string[]; tornTails: number; files: number }> {
  const problems: string[] = [];
  let files = 0;
  const temps: string[] = [];
  for (const folder of ['', 'articles', 'media', 'backups']) {
    if (!existsSync(join(dir, folder))) continue;
    for (const name of readdirSync(join(dir, folder), { withFileTypes: true })) {
      if (!name.isFile()) continue;
      const path = join(dir, folder, name.name);
      files += 1;
      if (name.name.endsWith('.tmp')) temps.push(path);
      else if (name.name === 'library.json' || folder === 'backups') checkJson(path, problems, (v) => migrate(v));
      else if (folder === 'articles' && name.name.endsWith('.txt')) checkSidecar(path, problems);
      else if (name.name.endsWith('.json') || name.name === 'kabar.lock') checkJson(path, problems);
      else if (!/^library\.journal(\.1)?$/.test(name.name)) problems.push(`${path}: unexpected file`);
    }
  }
  if (!tempsAllowed && temps.length > 0) problems.push(`temp files left after open: ${temps.join(', ')}`);
  const tornTails = checkJournal(join(dir, 'library.journal'), problems) + checkJournal(join(dir, 'library.journal.1'), problems);
  // The search index is checked by its own strict loader, on a copy (its open tidies files).
  const copy = mkdtempSync(join(tmpdir(), 'kabar-crash-index-'));
  try {
    if (existsSync(join(dir, 'index'))) cpSync(join(dir, 'index'), copy, { recursive: true });
    const index = await openSearchIndex(copy);
    if (index.status === 'damaged') problems.push(`search index damaged: ${index.damage}`);
    files += readdirSync(copy).length;
    await index.close();
  } finally {
    rmSync(copy, { recursive: true, force: true });
    rmSync(`${copy}.damaged`, { recursive: true, force: true });
  }
  return { problems, tornTails, files };
}

/** Checks the opened library against the model; returns how many confirmed facts were checked. */
async function checkLibrary(library: Library, model: Map<string, Expected>, pending: Op | null, pendingId: string | null): Promise<number> {
  let checked = 0;
  const about = (id: string, ...kinds: Op['kind'][]): Op | null => (pending && pendingId === id && kinds.includes(pending.kind) ? pending : null);
  for (const [id, expected] of model) {
    expect(library.knows(id), `confirmed article ${id} is missing`).toBe(true);
    const meta = library.meta(id);
    const live = !meta.deletedAt;
    const liveOp = about(id, 'imp', 'del');
    if (live !== expected.live) expect(liveOp, `${id}: live=${live}, confirmed ${expected.live}`).not.toBeNull();
    const bmOp = about(id, 'bm');
    if (meta.bookmarked !== expected.bookmarked) expect(bmOp?.arg, `${id}: bookmark lost`).toBe(meta.bookmarked ? '1' : '0');
    for (const tag of expected.tags) expect(meta.tags, `${id}: confirmed tag ${tag} lost`).toContain(tag);
    const tagOp = about(id, 'tag');
    for (const tag of meta.tags) if (!expected.tags.has(tag)) expect(tagOp?.arg, `${id}: unexpected tag ${tag}`).toBe(tag);
    expect((await library.get(id)).blocks.length, `${id}: body`).toBeGreaterThan(0);
    checked += 3 + expected.tags.size;
  }
  for (const meta of library.allMeta()) {
    if (!model.has(meta.id)) expect(pending?.kind === 'imp' && pendingId === meta.id, `unknown article ${meta.id}`).toBe(true);
  }
  return checked;
}

/** After checking: the model follows what the unconfirmed operation actually did. */
function settlePending(library: Library, model: Map<string, Expected>, pending: Op | null, pendingId: string | null): void {
  if (!pending || !pendingId || !library.knows(pendingId)) return;
  const meta = library.meta(pendingId);
  model.set(pendingId, { live: !meta.deletedAt, bookmarked: meta.bookmarked, tags: new Set(meta.tags) });
}

describe('crash safety of the library', () => {
  let child = '';
  beforeAll(async () => {
    // One bundle instead of tsx per start: 50 starts of a transpiling loader would take minutes here.
    const out = join(ROOT, 'node_modules', '.cache', 'kabar-crash-test');
    mkdirSync(out, { recursive: true });
    child = join(out, `child-${process.pid}.mjs`);
    await build({
      entryPoints: [join(__dirname, 'crash-child.ts')],
      outfile: child,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      logLevel: 'warning',
    });
  });
  afterAll(() => rmSync(child, { force: true }));

  it(`survives ${KILLS} SIGKILLs at random moments with nothing confirmed lost`, async () => {
    const dir = await tempDir('kabar-crash-');
    const random = rng(SEED_VALUE);
    const model = new Map<string, Expected>();
    const cpuStart = process.cpuUsage();
    const wallStart = performance.now();
    let survived = 0;
    let confirmedOps = 0;
    let factsChecked = 0;
    let tornTails = 0;
    let duringOpen = 0;
    let filesChecked = 0;
    let openMs = 300;
    console.log(`[crash] seed ${SEED_VALUE} (KABAR_CRASH_SEED replays it), ${FILES.length} corpus files`);
    for (let run = 0; run < KILLS; run += 1) {
      const outcome = await runAndKill(child, dir, run, random, openMs);
      if (outcome.readyMs > 0) openMs = outcome.readyMs;
      if (outcome.killedBeforeReady) duringOpen += 1;
      for (const op of outcome.confirmed) applyConfirmed(model, op);
      confirmedOps += outcome.confirmed.length;
      const pending = outcome.pending;
      const pendingId = pending ? (pending.kind === 'imp' ? idOfFile(pending.target) : pending.target) : null;

      const before = await checkFiles(dir, { tempsAllowed: true });
      expect(before.problems, `run ${run}: files after the kill`).toEqual([]);
      tornTails += before.tornTails;
      filesChecked += before.files;

      const library = await openLibrary({ dir });
      expect(library.recovery, `run ${run}: recovery was needed`).toBeNull();
      factsChecked += await checkLibrary(library, model, pending, pendingId);
      settlePending(library, model, pending, pendingId);
      await library.close();
      const after = await checkFiles(dir, { tempsAllowed: false });
      expect(after.problems, `run ${run}: files after reopening`).toEqual([]);
      expect(existsSync(join(dir, 'kabar.lock')), 'lock released').toBe(false);
      survived += 1;
    }
    const cpu = process.cpuUsage(cpuStart);
    console.log(
      JSON.stringify({
        test: 'store-crash',
        seed: SEED_VALUE,
        killsSurvived: survived,
        kills: KILLS,
        killedDuringOpen: duringOpen,
        confirmedOps,
        factsChecked,
        articles: model.size,
        tornJournalTails: tornTails,
        filesChecked,
        wallMs: Math.round(performance.now() - wallStart),
        parentCpuMs: Math.round((cpu.user + cpu.system) / 1000),
        loadavg: loadavg().map((l) => Number(l.toFixed(2))),
      }),
    );
    expect(survived).toBe(KILLS);
    expect(confirmedOps).toBeGreaterThan(KILLS);
  }, 240_000);
});
