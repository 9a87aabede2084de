/**
 * The three-way merge of item state, per item and per field (read, starred, each label):
 * base (what both sides last agreed on), local (the library, with its journalled changes) and
 * server. A side that did not move takes the other's value. When both moved, the newer wins:
 * a local change carries the time it was made; a server change is only known to be newer than
 * the last successful sync (which still saw the old value), so a local change made since then
 * wins and an older one (one that a failed push kept waiting) loses.
 */
import type { Library } from '../store';
import { tagKey } from '../store';
import type { ItemChange } from './pending';
import type { ItemBase, SyncState } from './state';

/** What the server says now, as sets of item ids. */
export interface ServerSets {
  unread: Set<string>;
  starred: Set<string>;
  /** Label name → its items. */
  labels: Map<string, Set<string>>;
}

/** A change to make on one side. */
export interface FieldValue {
  item: string;
  field: 'read' | 'star' | 'label';
  name?: string;
  value: boolean;
}

/** The merge's decisions. */
export interface MergePlan {
  /** Local values to send (with the pending changes they settle once sent). */
  push: { change: FieldValue; settles: string[] }[];
  /** Pending changes that lost to a newer server change. */
  lost: string[];
  /** Server values to apply to the library. */
  apply: FieldValue[];
}

/** The key of one field of one item in the pending index. */
export function fieldKey(item: string, field: string, name?: string): string {
  return `${item}\u0000${field}\u0000${name === undefined ? '' : tagKey(name)}`;
}

/** Pending item changes by field key, in the order they were made. */
export function pendingByField(changes: ItemChange[]): Map<string, ItemChange[]> {
  const map = new Map<string, ItemChange[]>();
  for (const c of changes) {
    const key = fieldKey(c.item, c.field, c.name);
    const list = map.get(key) ?? [];
    list.push(c);
    map.set(key, list);
  }
  return map;
}

/** Base labels with pending label changes applied: the labels the server will have once they are sent. */
function expectedLabels(item: string, base: ItemBase, byField: Map<string, ItemChange[]>, pending: ItemChange[]): Map<string, string> {
  const labels = new Map(base.l.map((l) => [tagKey(l), l]));
  for (const c of pending) {
    if (c.item !== item || c.field !== 'label' || c.name === undefined) continue;
    const latest = byField.get(fieldKey(item, 'label', c.name))?.at(-1);
    if (latest !== c) continue;
    if (c.value) labels.set(tagKey(c.name), c.name);
    else labels.delete(tagKey(c.name));
  }
  return labels;
}

/**
 * Finds local changes the journal does not hold yet (made by any path: the window, the CLI, a
 * crash between the library's journal and ours) by comparing the library with base + pending.
 */
export function localChanges(library: Library, state: SyncState, pending: ItemChange[], now: Date, only?: Set<string>): Omit<ItemChange, 'id'>[] {
  const byField = pendingByField(pending);
  const made: Omit<ItemChange, 'id'>[] = [];
  const at = now.toISOString();
  for (const [item, base] of Object.entries(state.items)) {
    if ((only && !only.has(base.a)) || !library.knows(base.a)) continue;
    const meta = library.meta(base.a);
    const read = byField.get(fieldKey(item, 'read'))?.at(-1)?.value ?? base.r;
    if (Boolean(meta.readAt) !== read) made.push({ k: 'item', item, field: 'read', value: Boolean(meta.readAt), at: meta.readAt ?? at });
    const star = byField.get(fieldKey(item, 'star'))?.at(-1)?.value ?? base.s;
    if (meta.bookmarked !== star) made.push({ k: 'item', item, field: 'star', value: meta.bookmarked, at });
    const expected = expectedLabels(item, base, byField, pending);
    const local = new Map(meta.tags.map((t) => [tagKey(t), t]));
    for (const [key, name] of local) if (!expected.has(key)) made.push({ k: 'item', item, field: 'label', name, value: true, at });
    for (const [key, name] of expected) if (!local.has(key)) made.push({ k: 'item', item, field: 'label', name, value: false, at });
  }
  return made;
}

function serverLabels(item: string, sets: ServerSets): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [name, members] of sets.labels) if (members.has(item)) labels.set(tagKey(name), name);
  return labels;
}

/** Decides, field by field, what to send, what to apply and which pending changes lost. */
export function planMerge(state: SyncState, sets: ServerSets, pending: ItemChange[]): MergePlan {
  const byField = pendingByField(pending);
  const plan: MergePlan = { push: [], lost: [], apply: [] };
  const lastSync = state.status.lastSyncAt;
  const decide = (item: string, field: FieldValue['field'], base: boolean, server: boolean, name?: string): void => {
    const changes = byField.get(fieldKey(item, field, name)) ?? [];
    const latest = changes.at(-1);
    const target: FieldValue = { item, field, value: server, ...(name !== undefined ? { name } : {}) };
    if (latest) {
      const localWins = server === base || lastSync === null || latest.at >= lastSync;
      if (localWins) plan.push.push({ change: { ...target, value: latest.value }, settles: changes.map((c) => c.id) });
      else {
        plan.lost.push(...changes.map((c) => c.id));
        plan.apply.push(target);
      }
    } else if (server !== base) plan.apply.push(target);
  };
  for (const [item, base] of Object.entries(state.items)) {
    decide(item, 'read', base.r, !sets.unread.has(item));
    decide(item, 'star', base.s, sets.starred.has(item));
    const names = new Map<string, string>([...base.l.map((l): [string, string] => [tagKey(l), l]), ...serverLabels(item, sets)]);
    for (const c of pending) if (c.item === item && c.field === 'label' && c.name !== undefined && !names.has(tagKey(c.name))) names.set(tagKey(c.name), c.name);
    const onServer = serverLabels(item, sets);
    const inBase = new Set(base.l.map(tagKey));
    for (const [key, name] of names) decide(item, 'label', inBase.has(key), onServer.has(key), onServer.get(key) ?? name);
  }
  return plan;
}

/** Sets one field of an item's base. */
export function setBase(base: ItemBase, change: FieldValue): void {
  if (change.field === 'read') base.r = change.value;
  else if (change.field === 'star') base.s = change.value;
  else if (change.name !== undefined) {
    const rest = base.l.filter((l) => tagKey(l) !== tagKey(change.name as string));
    base.l = change.value ? [...rest, change.name] : rest;
  }
}
