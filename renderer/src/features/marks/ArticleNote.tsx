/** The note on the whole article, under its title: shown, added, edited or removed (undoable). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { change, useMarks } from '../../stores/marks';

/** The article note. */
export function ArticleNote({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const note = useMarks((s) => (s.articleId === articleId ? s.marks?.note : undefined));
  const [draft, setDraft] = useState<string | null>(null);
  if (draft !== null) {
    return (
      <div className="article-note editing" data-testid="article-note">
        <textarea className="input" aria-label={t('marks.articleNote')} rows={3} maxLength={20000} value={draft} onChange={(e) => setDraft(e.target.value)} autoFocus />
        <div className="article-note-actions">
          <button
            type="button"
            className="btn"
            onClick={() => {
              void change(articleId, { op: 'note', text: draft.trim() === '' ? null : draft });
              setDraft(null);
            }}
          >
            {t('marks.saveNote')}
          </button>
          <button type="button" className="btn btn-link" onClick={() => setDraft(null)}>
            {t('marks.cancel')}
          </button>
        </div>
      </div>
    );
  }
  if (!note) {
    return (
      <button type="button" className="btn btn-link article-note-add" data-testid="article-note-add" onClick={() => setDraft('')}>
        {t('marks.addArticleNote')}
      </button>
    );
  }
  return (
    <div className="article-note" data-testid="article-note">
      <p className="article-note-text" dir="auto">
        <span className="visually-hidden">{t('marks.articleNote')}: </span>
        {note.text}
      </p>
      <button type="button" className="btn btn-link" onClick={() => setDraft(note.text)}>
        {t('marks.editNote')}
      </button>
      <button type="button" className="btn btn-link" onClick={() => void change(articleId, { op: 'note', text: null })}>
        {t('marks.deleteNote')}
      </button>
    </div>
  );
}
