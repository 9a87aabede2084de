/**
 * Settings → Language packs: the pairs the pack server offers (Firefox's own model server by
 * default), each with its download size and whether it is installed, up to date, or half
 * downloaded; one button per pair. Presentational: the store fetches the listing and runs downloads.
 */
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatLongDate, languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { megabytes, type PackDownloadState } from './PackOffer';
import '../../styles/listen.css';

/** One pair as listed (the core's AvailablePack, without file details). */
export interface CatalogPack {
  id: string;
  from: string;
  to: string;
  version: string;
  bytes: number;
  installed: string | null;
  update: boolean;
  partialBytes: number;
}

/** Props of PackCatalog. */
export interface PackCatalogProps {
  packs: CatalogPack[] | null;
  /** The server address, or '' for the default (Firefox's). */
  server: string;
  /** The listing was saved earlier (offline): when. */
  cachedAt: string | null;
  error: unknown;
  /** The pack being downloaded and its state. */
  downloading: { id: string; state: PackDownloadState } | null;
  onGet: (pack: CatalogPack) => void;
  onCancel: () => void;
}

function Row({ pack, busy, onGet }: { pack: CatalogPack; busy: boolean; onGet: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pair = t('packs.pair', { from: languageName(pack.from, locale) ?? pack.from, to: languageName(pack.to, locale) ?? pack.to });
  const size = megabytes(pack.bytes, locale);
  const action = pack.installed && !pack.update ? null : pack.update ? t('packs.update', { size }) : pack.partialBytes > 0 ? t('packs.resumeShort', { done: megabytes(pack.partialBytes, locale), size }) : t('packs.download', { size });
  return (
    <li className="pack" data-testid="catalog-pack" data-pack={pack.id}>
      <span className="pack-name">
        <strong>{pair}</strong> <span className="field-hint">{size}</span>
        {pack.installed && <span className="field-hint"> · {t('packs.installed')}</span>}
      </span>
      {action && (
        <button type="button" className="btn" disabled={busy} aria-label={`${action} — ${pair}`} onClick={onGet}>
          {action}
        </button>
      )}
    </li>
  );
}

/** The list of downloadable language packs. */
export function PackCatalog({ packs, server, cachedAt, error, downloading, onGet, onCancel }: PackCatalogProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const state = downloading?.state;
  return (
    <div className="packs pack-catalog" data-testid="pack-catalog">
      <h4>{t('settingsNav.availablePacks')}</h4>
      <p className="field-hint">{server ? t('packs.sourceCustom', { server }) : t('packs.sourceDefault')}</p>
      {cachedAt && <p className="field-hint">{t('packs.cached', { date: formatLongDate(cachedAt, locale) })}</p>}
      {packs === null && !error && <p role="status">{t('packs.loading')}</p>}
      {state?.status === 'downloading' && (
        <div className="translate-progress" role="status" data-testid="catalog-progress">
          <progress max={Math.max(1, state.total)} value={state.done} aria-label={t('packs.progressLabel')} />
          <span>{t('packs.progress', { done: megabytes(state.done, locale), total: megabytes(state.total, locale) })}</span>
          <button type="button" className="btn" onClick={onCancel}>
            {t('packs.cancel')}
          </button>
        </div>
      )}
      {state?.status === 'failed' && <ErrorAlert error={state.error} />}
      <ErrorAlert error={error} />
      {packs && (
        <ul className="pack-list">
          {packs.map((p) => (
            <Row key={p.id} pack={p} busy={state?.status === 'downloading'} onGet={() => onGet(p)} />
          ))}
        </ul>
      )}
    </div>
  );
}
