/** Settings → General: interface language, theme, reading typeface and size, default sort. Changes apply at once. */
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../preload/contract';
import { LOCALES } from '../../i18n';
import { FONT_MAX, FONT_MIN, useSettings } from '../../stores/settings';
import { useLibrary } from '../../stores/library';

const SYSTEM = 'system';

/** The general fields. */
export function GeneralSettings() {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  return (
    <>
      <div className="field">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          className="select"
          data-testid="language-select"
          value={settings.locale ?? SYSTEM}
          onChange={(e) => void update({ locale: e.target.value === SYSTEM ? null : e.target.value })}
        >
          <option value={SYSTEM}>{t('settings.systemDefault')}</option>
          {/* Language names stay in their own language (a lost user must recognise theirs). */}
          {LOCALES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {t(`languages.${lng}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="settings-theme">{t('settings.theme')}</label>
        <select id="settings-theme" className="select" value={settings.theme} onChange={(e) => void update({ theme: e.target.value as Settings['theme'] })}>
          <option value="system">{t('settings.themeSystem')}</option>
          <option value="light">{t('settings.themeLight')}</option>
          <option value="dark">{t('settings.themeDark')}</option>
          <option value="sepia">{t('settings.themeSepia')}</option>
        </select>
      </div>
      <fieldset className="field">
        <legend>{t('settings.font')}</legend>
        <div className="radio-row">
          {(['serif', 'sans'] as const).map((family) => (
            <label key={family}>
              <input type="radio" name="font-family" value={family} checked={settings.fontFamily === family} onChange={() => void update({ fontFamily: family })} />
              {family === 'serif' ? t('settings.fontSerif') : t('settings.fontSans')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor="settings-size">{t('settings.fontSize')}</label>
        <div className="radio-row">
          <input
            id="settings-size"
            type="range"
            min={FONT_MIN}
            max={FONT_MAX}
            step={1}
            value={settings.fontSize}
            aria-valuetext={t('settings.fontSizeValue', { size: settings.fontSize })}
            onChange={(e) => void update({ fontSize: Number(e.target.value) })}
          />
          <span aria-hidden="true">{t('settings.fontSizeValue', { size: settings.fontSize })}</span>
        </div>
      </div>
      <div className="field">
        <label htmlFor="settings-sort">{t('settings.sort')}</label>
        <select
          id="settings-sort"
          className="select"
          value={settings.sort}
          onChange={(e) => {
            const sort = e.target.value as Settings['sort'];
            useLibrary.getState().setSort(sort);
            void update({ sort });
          }}
        >
          <option value="savedAt">{t('settings.sortSaved')}</option>
          <option value="publishedAt">{t('settings.sortPublished')}</option>
        </select>
      </div>
    </>
  );
}
