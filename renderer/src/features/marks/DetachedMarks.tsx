/** Highlights whose text is no longer in the article: listed with their text and note, never dropped. */
import { useTranslation } from 'react-i18next';
import { change, useMarks } from '../../stores/marks';

/** The "Detached highlights" section at the end of the article (nothing when there are none). */
export function DetachedMarks({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const marks = useMarks((s) => (s.articleId === articleId ? s.marks : null));
  const detached = marks?.highlights.filter((h) => h.detached) ?? [];
  if (detached.length === 0) return null;
  return (
    <section className="detached-marks" aria-labelledby="detached-marks-title" data-testid="detached-marks">
      <h2 id="detached-marks-title">{t('marks.detached')}</h2>
      <p className="detached-hint">{t('marks.detachedHint')}</p>
      <ul>
        {detached.map((h) => (
          <li key={h.id}>
            <blockquote className={`hl-quote hl-${h.color}`} lang={h.lang} dir="auto">
              {h.quote.exact}
            </blockquote>
            {h.note && (
              <p className="hl-note" dir="auto">
                {h.note}
              </p>
            )}
            <button type="button" className="btn btn-link" onClick={() => void change(articleId, { op: 'delete', id: h.id })}>
              {t('marks.delete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
