/** Editing a rule in place (Settings → Rules → Edit): query, actions and name change, id and place stay; a bad query or empty actions change nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addRule, applyRules, editRule, listRules, openLibrary, type Library } from '../../../main/core/store';
import { article, tempDir } from '../helpers';

let dir: string;
let library: Library;

beforeEach(async () => {
  dir = await tempDir();
  library = await openLibrary({ dir });
});
afterEach(async () => {
  await library.close();
});

describe('editRule', () => {
  it('changes the query and actions in place; a rule named by its query follows it; the change survives a restart', async () => {
    const a = addRule(library, { query: 'tag:politik', actions: { addTags: ['berita'] } });
    const b = addRule(library, { name: 'Inggris', query: 'lang:en', actions: { markRead: true } });
    const edited = editRule(library, a.id, { query: 'tag:politik site:kompas.com', actions: { bookmark: true, addTags: ['Berita', 'berita'] } });
    expect(edited).toMatchObject({ id: a.id, name: 'tag:politik site:kompas.com', query: 'tag:politik site:kompas.com', actions: { bookmark: true, addTags: ['Berita'] }, enabled: true });
    // A rule with its own name keeps it unless a name is given.
    expect(editRule(library, b.id, { query: 'lang:en is:unread' }).name).toBe('Inggris');
    expect(editRule(library, b.id, { name: 'English unread' }).name).toBe('English unread');
    await library.close();
    library = await openLibrary({ dir });
    expect(listRules(library).map((r) => [r.id, r.name, r.query])).toEqual([
      [a.id, 'tag:politik site:kompas.com', 'tag:politik site:kompas.com'],
      [b.id, 'English unread', 'lang:en is:unread'],
    ]);
  });

  it('a malformed query (QUERY_* with its position), no action, or a blank name leave the rule as it was', async () => {
    const rule = addRule(library, { query: 'tag:politik', actions: { addTags: ['berita'] } });
    const before = JSON.stringify(listRules(library));
    expect(() => editRule(library, rule.id, { query: 'tag:politik "unclosed' })).toThrow(expect.objectContaining({ code: 'QUERY_UNCLOSED_QUOTE' }));
    expect(() => editRule(library, rule.id, { actions: {} })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => editRule(library, rule.id, { name: '   ' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(JSON.stringify(listRules(library))).toBe(before);
  });

  it('the edited rule is the one that runs', async () => {
    const para = (text: string) => ({ type: 'paragraph' as const, text });
    await library.add(article({ title: 'Kompas', url: 'https://nasional.kompas.com/a', blocks: [para('Satu.')] }), { tags: ['politik'] });
    await library.add(article({ title: 'Detik', url: 'https://www.detik.com/b', blocks: [para('Dua.')] }), { tags: ['politik'] });
    const rule = addRule(library, { query: 'tag:politik', actions: { addTags: ['semua'] } });
    editRule(library, rule.id, { query: 'tag:politik site:detik.com', actions: { bookmark: true } });
    const report = await applyRules(library);
    expect(report).toEqual({ changed: 1, matched: { [rule.id]: 1 } });
    const metas = library.allMeta();
    expect(metas.find((m) => m.title === 'Detik')).toMatchObject({ bookmarked: true, tags: ['politik'] });
    expect(metas.find((m) => m.title === 'Kompas')).toMatchObject({ bookmarked: false, tags: ['politik'] });
  });
});
