/**
 * Settings → Language packs: one plain line on what this computer can translate, the packs to
 * download, the installed ones, and the engines with the engine per pair in a details element.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EnginesInfo } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { loadEngines } from '../../stores/packs';
import { PackCatalogSection } from '../translate/PackCatalogSection';
import { EngineTable, pairsOf } from './EngineTable';
import { TranslationPacks } from './TranslationPacks';
import '../../styles/translate.css';

/** The language packs section. */
export function LanguagePackSettings() {
  const { t } = useTranslation();
  const [info, setInfo] = useState<EnginesInfo | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    loadEngines().then(setInfo, setError);
  }, []);
  useEffect(reload, [reload]);
  const pairs = info ? pairsOf(info).size : 0;
  return (
    <div className="settings-group" data-testid="language-packs">
      {info ? (
        <p data-testid="packs-summary">{pairs === 0 ? t('settingsNav.packsNone') : t('settingsNav.packsSummary', { count: pairs })}</p>
      ) : (
        !error && <p role="status">{t('translate.loadingEngines')}</p>
      )}
      <ErrorAlert error={error} />
      <PackCatalogSection onChanged={reload} />
      <TranslationPacks packs={info?.packs ?? []} onChanged={reload} />
      {info && (
        <details className="settings-details" data-testid="engine-details">
          <summary>{t('settingsNav.engineDetails')}</summary>
          <EngineTable info={info} />
        </details>
      )}
    </div>
  );
}
