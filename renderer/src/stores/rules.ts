/** Settings → Rules: the rules in the order they run, and add / edit / move / remove / test / apply. */
import { create } from 'zustand';
import { api } from '../api';
import type { Rule, RuleActions, RulesReport } from '../../../preload/contract';

/** What the rule form sends (a new rule, or the changes to one). */
export interface RuleDraft {
  query: string;
  actions: RuleActions;
}

/** A removed rule and where it was, for Undo. */
export interface RemovedRule {
  rule: Rule;
  index: number;
}

interface RulesState {
  /** The rules in order; null until loaded. */
  rules: Rule[] | null;
  /** The last list action's error (translated by code). */
  error: unknown;
  load: () => Promise<void>;
  /** Adds a rule at the end; rejects with QUERY_* when the query is malformed (the form shows it). */
  add: (draft: RuleDraft) => Promise<Rule>;
  /** Changes a rule's query and actions; rejects like add. */
  save: (id: string, draft: RuleDraft) => Promise<Rule>;
  setEnabled: (id: string, enabled: boolean) => Promise<void>;
  /** Moves a rule to position `index` (rules run in order). */
  move: (id: string, index: number) => Promise<void>;
  remove: (id: string) => Promise<RemovedRule | null>;
  /** Puts a removed rule back where it was (Undo). */
  restore: (removed: RemovedRule) => Promise<void>;
  /** How many articles a query matches now; rejects with QUERY_* when malformed. */
  test: (query: string) => Promise<number>;
  /** Applies the enabled rules (or one) to every article now. */
  apply: (id: string | null) => Promise<RulesReport | null>;
}

/** The rules store. */
export const useRules = create<RulesState>()((set, get) => {
  const reload = async (): Promise<void> => set({ rules: await api.rules.list() });
  /** Runs a list action: its error shows above the list; the list is reloaded either way. */
  const act = async <T>(work: () => Promise<T>): Promise<T | null> => {
    set({ error: null });
    try {
      return await work();
    } catch (error) {
      set({ error });
      return null;
    } finally {
      await reload().catch((error: unknown) => set({ error }));
    }
  };
  return {
    rules: null,
    error: null,
    load: async () => {
      await act(async () => undefined);
    },
    add: async (draft) => {
      const rule = await api.rules.add({ query: draft.query, actions: draft.actions });
      await reload();
      return rule;
    },
    save: async (id, draft) => {
      const rule = await api.rules.edit(id, { query: draft.query, actions: draft.actions });
      await reload();
      return rule;
    },
    setEnabled: async (id, enabled) => {
      await act(() => api.rules.edit(id, { enabled }));
    },
    move: async (id, index) => {
      const count = get().rules?.length ?? 0;
      if (index < 0 || index >= count) return;
      await act(() => api.rules.edit(id, { index }));
    },
    remove: (id) => act(() => api.rules.remove(id)),
    restore: async ({ rule, index }) => {
      await act(async () => {
        const back = await api.rules.add({ name: rule.name, query: rule.query, actions: rule.actions, index });
        if (!rule.enabled) await api.rules.edit(back.id, { enabled: false });
      });
    },
    test: (query) => api.rules.test(query),
    apply: (id) => act(() => api.rules.apply(id)),
  };
});
