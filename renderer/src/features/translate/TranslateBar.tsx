/**
 * The reader's translation bar: the article's language (correctable), the target language, Translate /
 * Re-translate, the Original / Translated / Bilingual switch, progress with Cancel, errors, and a
 * ⋯ menu with always / never translate from this language.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Article, ReadingMode, Translation } from '../../../../preload/contract';
import { Icon } from '../../components/Icon';
import { Popover } from '../../components/Popover';
import { formatLongDate, languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';
import { MODES, correctSourceLang, primary, useTranslate } from '../../stores/translate';
import { errorInfo } from '../../i18n/errors';
import { usePackSource } from '../../stores/packSource';
import { languageChoices, translateErrorMessage } from './languages';
import { PackOfferSlot } from './PackOfferSlot';
import { orderTargets } from './targetOrder';

const MODE_KEYS: Record<ReadingMode, 'translate.modeOriginal' | 'translate.modeTranslated' | 'translate.modeBilingual'> = {
  original: 'translate.modeOriginal',
  translated: 'translate.modeTranslated',
  bilingual: 'translate.modeBilingual',
};

/** The Original / Translated / Bilingual switch. */
export function ModeSwitch({ mode }: { mode: ReadingMode }) {
  const { t } = useTranslation();
  const setMode = useTranslate((s) => s.setMode);
  return (
    <div className="segmented" role="group" aria-label={t('translate.mode')} data-testid="mode-switch">
      {MODES.map((m) => (
        <button key={m} type="button" className="btn" aria-pressed={mode === m} aria-keyshortcuts="L" data-testid={`mode-${m}`} onClick={() => setMode(m)}>
          {t(MODE_KEYS[m])}
        </button>
      ))}
    </div>
  );
}

function setSourceLang(id: string, lang: string): void {
  void correctSourceLang(id, lang);
}

/** Translates on open when the article's language is in "always translate from". */
function useAutoTranslate(article: Article, to: string, stored: boolean): void {
  const always = useSettings((s) => s.settings.alwaysTranslateFrom);
  const tried = useRef<string | null>(null);
  useEffect(() => {
    const key = `${article.id}:${to}`;
    if (stored || tried.current === key || article.lang === to || !always.includes(article.lang)) return;
    tried.current = key;
    void useTranslate.getState().translate(article.id, to);
  }, [article.id, article.lang, to, stored, always]);
}

/** The bar's ⋯ menu: always / never translate from the article's language. */
function TranslateMenu({ article }: { article: Article }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { alwaysTranslateFrom, neverTranslateFrom } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const from = article.lang;
  if (from === 'und') return null;
  const language = languageName(from, locale) ?? from;
  const always = alwaysTranslateFrom.includes(from);
  const never = neverTranslateFrom.includes(from);
  return (
    <Popover label={t('translate.options')} face={<Icon name="more" />} testId="translate-menu" alignEnd>
      {(close) => (
        <div className="menu-list">
          <button
            type="button"
            className="btn btn-menu"
            aria-pressed={always}
            onClick={() => {
              close();
              void update({ alwaysTranslateFrom: always ? alwaysTranslateFrom.filter((l) => l !== from) : [...alwaysTranslateFrom, from], neverTranslateFrom: neverTranslateFrom.filter((l) => l !== from) });
            }}
          >
            {t('translate.alwaysFrom', { language })}
          </button>
          <button
            type="button"
            className="btn btn-menu"
            aria-pressed={never}
            onClick={() => {
              close();
              void update({ neverTranslateFrom: never ? neverTranslateFrom.filter((l) => l !== from) : [...neverTranslateFrom, from], alwaysTranslateFrom: alwaysTranslateFrom.filter((l) => l !== from) });
            }}
          >
            {t('translate.neverFrom', { language })}
          </button>
        </div>
      )}
    </Popover>
  );
}

function Made({ translation }: { translation: Translation }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const engine = translation.engine === 'bergamot' ? 'Bergamot' : 'Apertium';
  const failed = translation.blocks.filter((b) => b.failed).length;
  return (
    <p className="translate-made">
      <span>{t('translate.madeWith', { engine, model: translation.model ?? '', date: formatLongDate(translation.createdAt, locale) })}</span>
      {failed > 0 && <span className="translate-failed-count"> {t('translate.failedCount', { count: failed })}</span>}
    </p>
  );
}

/** Props of TranslateBar. */
export interface TranslateBarProps {
  article: Article;
  /** The target language (picked for this article, else from Settings). */
  to: string;
  translation: Translation | undefined;
  mode: ReadingMode;
}

/** The translation bar above the article. */
export function TranslateBar({ article, to, translation, mode }: TranslateBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const job = useTranslate((s) => s.jobs[article.id]);
  const error = useTranslate((s) => s.errors[article.id]);
  const { translate, cancel, setTarget } = useTranslate.getState();
  useAutoTranslate(article, to, Boolean(translation));
  const choices = languageChoices(locale, [article.lang, to, primary(locale), ...Object.keys(article.translations)]);
  const targets = orderTargets(choices, usePackSource((s) => s.targets[article.lang]), t, locale);
  useEffect(() => {
    if (article.lang !== 'und') void usePackSource.getState().loadTargets(article.lang);
  }, [article.lang]);
  // When a pack download can fix the missing engine, the offer says it all: no red error above it.
  const offerable = usePackSource((s) => errorInfo(error).code === 'TRANSLATION_UNAVAILABLE' && Boolean(s.targets[article.lang]?.some((x) => x.lang === to && !x.ready && x.packs.length > 0)));
  return (
    <section className="translate-bar" aria-label={t('translate.label')} data-testid="translate-bar">
      <div className="translate-row">
        <label className="translate-field">
          <span>{t('translate.source')}</span>
          <select className="select" data-testid="source-lang" value={article.lang} onChange={(e) => setSourceLang(article.id, e.target.value)}>
            {article.lang === 'und' && <option value="und">{t('translate.unknownLanguage')}</option>}
            {choices.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="translate-field">
          <span>{t('translate.target')}</span>
          <select className="select" data-testid="target-lang" value={to} onChange={(e) => setTarget(article.id, e.target.value)}>
            {targets.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        {!job && (
          <button type="button" className="btn" data-testid="translate-button" disabled={article.lang === to} onClick={() => void translate(article.id, to)}>
            {translation ? t('translate.retranslate') : t('translate.translate')}
          </button>
        )}
        {translation && <ModeSwitch mode={mode} />}
        {/* The language-pack offer (features/listen and packs work) sits in this row, before the menu. */}
        <span className="spacer" />
        <TranslateMenu article={article} />
      </div>
      {job && (
        <div className="translate-progress" role="status" data-testid="translate-progress">
          <progress max={Math.max(1, job.total)} value={job.done} aria-label={t('translate.progressLabel')} />
          <span>
            {job.total ? t('translate.progress', { done: job.done, total: job.total }) : t('translate.starting')}
          </span>
          <button type="button" className="btn" data-testid="translate-cancel" onClick={() => void cancel(article.id)}>
            {t('translate.cancel')}
          </button>
        </div>
      )}
      {Boolean(error) && !offerable && (
        <p role="alert" className="error-text" data-testid="translate-error">
          {translateErrorMessage(t, error, locale)}
        </p>
      )}
      {Boolean(error) && errorInfo(error).code === 'TRANSLATION_UNAVAILABLE' && <PackOfferSlot articleId={article.id} from={article.lang} to={to} />}
      {translation && !job && <Made translation={translation} />}
    </section>
  );
}
