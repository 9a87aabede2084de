/**
 * Settings → Translation: target language, default view, always / never translate from, engines with
 * their installed pairs and the engine per pair, and language packs (TranslationPacks).
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loadEngines } from '../../stores/packs';
import type { EngineChoice, EnginesInfo, ReadingMode } from '../../../../preload/contract';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';
import { languageChoices } from '../translate/languages';
import { TranslationPacks } from './TranslationPacks';
import { PackCatalogSection } from '../translate/PackCatalogSection';
import '../../styles/translate.css';
import { ErrorAlert } from '../../components/ErrorAlert';

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

function EngineTable({ info }: { info: EnginesInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const engines = useSettings((s) => s.settings.translationEngines);
  const update = useSettings((s) => s.update);
  const pairs = new Map<string, Set<'apertium' | 'bergamot'>>();
  for (const engine of info.engines) for (const p of engine.pairs) pairs.set(`${p.from}-${p.to}`, (pairs.get(`${p.from}-${p.to}`) ?? new Set()).add(engine.id));
  const name = (code: string): string => languageName(code, locale) ?? code;
  return (
    <>
      <ul className="engine-list" data-testid="engine-list">
        {info.engines.map((e) => (
          <li key={e.id}>
            <strong>{e.id === 'apertium' ? 'Apertium' : 'Bergamot'}</strong> {e.available ? t('translate.engineReady') : t('translate.engineMissing')} ·{' '}
            {t('translate.pairCount', { count: e.pairs.length })}
          </li>
        ))}
      </ul>
      {pairs.size === 0 ? (
        <p className="field-hint">{t('translate.noPairs')}</p>
      ) : (
        <table className="pair-table" data-testid="pair-table">
          <thead>
            <tr>
              <th scope="col">{t('translate.pair')}</th>
              <th scope="col">{t('translate.engine')}</th>
            </tr>
          </thead>
          <tbody>
            {[...pairs].sort(([a], [b]) => a.localeCompare(b)).map(([key, ids]) => {
              const [from = '', to = ''] = key.split('-');
              const label = t('translate.pairName', { from: name(from), to: name(to) });
              return (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>
                    <select className="select" aria-label={t('translate.engineFor', { pair: label })} value={engines[key] ?? 'auto'} onChange={(e) => void update({ translationEngines: { ...engines, [key]: e.target.value as EngineChoice } })}>
                      <option value="auto">{t('translate.engineAuto')}</option>
                      {[...ids].map((id) => (
                        <option key={id} value={id}>
                          {id === 'apertium' ? 'Apertium' : 'Bergamot'}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

/** The translation section of the settings dialog. */
export function TranslationSettings() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { translateTo, readingMode } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  const [info, setInfo] = useState<EnginesInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    loadEngines().then(setInfo, setError);
  }, []);
  useEffect(reload, [reload]);
  return (
    <section className="settings-section" aria-labelledby="settings-translation" data-testid="translation-settings">
      <h3 id="settings-translation">{t('translate.settingsTitle')}</h3>
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
      <h4>{t('translate.engines')}</h4>
      {info ? <EngineTable info={info} /> : !error && <p role="status">{t('translate.loadingEngines')}</p>}
      <ErrorAlert error={error} />
      <PackCatalogSection onChanged={reload} />
      <TranslationPacks packs={info?.packs ?? []} onChanged={reload} />
    </section>
  );
}
