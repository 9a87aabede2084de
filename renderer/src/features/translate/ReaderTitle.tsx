/** The reader's title: the original, the translated one, or both (bilingual). */
import type { Article } from '../../../../preload/contract';
import type { ReadingView } from './useReadingView';
import { dirOf } from './languages';

/** The h1 (and, bilingual, the translated title under it). */
export function ReaderTitle({ article, view, untitled }: { article: Article; view: ReadingView | null; untitled: string }) {
  const original = article.title || untitled;
  const translation = view?.translation;
  if (!translation || !view || view.mode === 'original') {
    return (
      <h1 id="reader-title" data-testid="reader-title">
        {original}
      </h1>
    );
  }
  if (view.mode === 'translated') {
    return (
      <h1 id="reader-title" data-testid="reader-title">
        {translation.title || original}
      </h1>
    );
  }
  return (
    <>
      <h1 id="reader-title" data-testid="reader-title">
        {original}
      </h1>
      <p className="reader-title-translation" data-testid="reader-title-translation" lang={translation.lang} dir={dirOf(translation.lang)}>
        {translation.title}
      </p>
    </>
  );
}
