/** Settings → Reading & translation: target language, default view, always / never translate from. */
import { useTranslation } from 'react-i18next';
import type { ReadingMode } from '../../../../preload/contract';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';
import { languageChoices } from '../translate/languages';
import '../../styles/translate.css';

const INTERFACE = 'interface';

function LanguageList({ field, label }: { field: 'alwaysTranslateFrom' | 'neverTranslateFrom'; label: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const list = useSettings((s) => s.settings[field]);
  const update = useSettings((s) => s.update);
  const id = `settings-${field}`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <ul className="lang-chips" data-testid={id}>
        {list.map((code) => (
          <li key={code}>
            <span>{languageName(code, locale) ?? code}</span>
            <button type="button" className="btn btn-icon" aria-label={t('translate.removeLanguage', { language: languageName(code, locale) ?? code })} onClick={() => void update({ [field]: list.filter((c) => c !== code) })}>
              <span aria-hidden="true">×</span>
            </button>
          </li>
        ))}
      </ul>
      <select id={id} className="select" value="" onChange={(e) => e.target.value && void update({ [field]: [...list, e.target.value] })}>
        <option value="">{t('translate.addLanguage')}</option>
        {languageChoices(locale)
          .filter((c) => !list.includes(c.code))
          .map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
      </select>
    </div>
  );
}

/** The reading and translation section of the settings dialog. */
export function TranslationSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { translateTo, readingMode } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  return (
    <div className="settings-group" data-testid="translation-settings">
      <div className="field">
        <label htmlFor="settings-translate-to">{t('translate.targetSetting')}</label>
        <select id="settings-translate-to" className="select" value={translateTo ?? INTERFACE} onChange={(e) => void update({ translateTo: e.target.value === INTERFACE ? null : e.target.value })}>
          <option value={INTERFACE}>{t('translate.interfaceLanguage')}</option>
          {languageChoices(locale).map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="settings-reading-mode">{t('translate.defaultMode')}</label>
        <select id="settings-reading-mode" className="select" value={readingMode} onChange={(e) => void update({ readingMode: e.target.value as ReadingMode })}>
          <option value="original">{t('translate.modeOriginal')}</option>
          <option value="translated">{t('translate.modeTranslated')}</option>
          <option value="bilingual">{t('translate.modeBilingual')}</option>
        </select>
      </div>
      <LanguageList field="alwaysTranslateFrom" label={t('translate.alwaysList')} />
      <LanguageList field="neverTranslateFrom" label={t('translate.neverList')} />
    </div>
  );
}
