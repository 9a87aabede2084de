/** Settings → Language packs → details: each engine, ready or not, and the engine chosen per installed pair. */
import { useTranslation } from 'react-i18next';
import type { EngineChoice, EnginesInfo } from '../../../../preload/contract';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';

/** The installed pairs, each with the engines that translate it ("en-es" → {apertium, bergamot}). */
export function pairsOf(info: EnginesInfo): Map<string, Set<'apertium' | 'bergamot'>> {
  const pairs = new Map<string, Set<'apertium' | 'bergamot'>>();
  for (const engine of info.engines) {
    for (const p of engine.pairs) pairs.set(`${p.from}-${p.to}`, (pairs.get(`${p.from}-${p.to}`) ?? new Set()).add(engine.id));
  }
  return pairs;
}

/** The engines and the pair table (inside a details element: engine names are details). */
export function EngineTable({ info }: { info: EnginesInfo }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const engines = useSettings((s) => s.settings.translationEngines);
  const update = useSettings((s) => s.update);
  const pairs = pairsOf(info);
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

