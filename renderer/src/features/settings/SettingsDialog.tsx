/** Settings: interface language, theme, reading typeface and size, default sort. Changes apply at once. */
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../preload/contract';
import { Dialog } from '../../components/Dialog';
import { LOCALES } from '../../i18n';
import { FeedSettings } from './FeedSettings';
import { AccountSettings } from '../sync/AccountSettings';
import { FONT_MAX, FONT_MIN, useSettings } from '../../stores/settings';
import { useLibrary } from '../../stores/library';
import { useUi } from '../../stores/ui';
import { TranslationSettings } from './TranslationSettings';
import { ErrorAlert } from '../../components/ErrorAlert';

const SYSTEM = 'system';

/** The settings dialog. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const { settings, appInfo, error, update } = useSettings();
  const close = useUi((s) => s.closeDialog);
  // Language names stay in their own language (a lost user must recognise theirs), so
  // languages.* is the same in every locale file.
  const names: Record<string, string> = {
    en: t('languages.en'),
    id: t('languages.id'),
    ms: t('languages.ms'),
    es: t('languages.es'),
    fr: t('languages.fr'),
    de: t('languages.de'),
    ja: t('languages.ja'),
    'zh-CN': t('languages.zh-CN'),
    ar: t('languages.ar'),
  };
  return (
    <Dialog title={t('settings.title')} onClose={close} testId="settings-dialog">
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
          {LOCALES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {names[lng]}
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
      <TranslationSettings />
      <FeedSettings />
      <AccountSettings />
      <ErrorAlert error={error} lead={t('settings.saveFailed')} />
      {appInfo && <p className="field-hint">{t('settings.about', { version: appInfo.version, dir: appInfo.dataDir })}</p>}
    </Dialog>
  );
}
