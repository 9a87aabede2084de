/**
 * What Translate offers when no installed engine can do the pair: "Download Indonesian → English
 * (27 MB)" in one click, then progress with Cancel; offline, that it will be possible when online.
 * Presentational: the translate store owns the download and passes its state in.
 */
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorInfo } from '../../i18n/errors';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import '../../styles/listen.css';

/** The packs a pair needs and their download size (from the core's "translate into" data). */
export interface PackNeed {
  packs: string[];
  bytes: number;
  /** Bytes an interrupted download already has. */
  partialBytes?: number;
}

/** The download's state. */
export type PackDownloadState = { status: 'idle' } | { status: 'downloading'; done: number; total: number } | { status: 'failed'; error: unknown };

/** A size in megabytes in the interface language. */
export function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: bytes < 10_000_000 ? 1 : 0 }).format(bytes / 1_000_000);
}

/** Props of PackOffer. */
export interface PackOfferProps {
  from: string;
  to: string;
  need: PackNeed;
  state: PackDownloadState;
  onDownload: () => void;
  onCancel: () => void;
  /** Only the message (offline with no listing: there is nothing to offer yet). */
  hideButton?: boolean;
}

/** The one-click pack download for a pair. */
export function PackOffer({ from, to, need, state, onDownload, onCancel, hideButton }: PackOfferProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const pair = { from: languageName(from, locale) ?? from, to: languageName(to, locale) ?? to };
  if (state.status === 'downloading') {
    // Before the first progress event the size is the listed one, not "0 MB of 0 MB".
    const total = state.total > 0 ? state.total : need.bytes;
    return (
      <div className="translate-progress pack-offer" role="status" data-testid="pack-offer-progress">
        <progress max={Math.max(1, total)} value={state.done} aria-label={t('packs.progressLabel')} />
        <span>{t('packs.progress', { done: megabytes(state.done, locale), total: megabytes(total, locale) })}</span>
        <button type="button" className="btn" data-testid="pack-offer-cancel" onClick={onCancel}>
          {t('packs.cancel')}
        </button>
      </div>
    );
  }
  const offline = state.status === 'failed' && errorInfo(state.error).code === 'OFFLINE';
  const resume = (need.partialBytes ?? 0) > 0;
  return (
    <div className="pack-offer" data-testid="pack-offer">
      {!hideButton && <p className="field-hint">{need.packs.length > 1 ? t('packs.needPivot', { ...pair, via: languageName('en', locale) ?? 'en' }) : t('packs.need', pair)}</p>}
      {!hideButton && (
      <button type="button" className="btn btn-primary" data-testid="pack-offer-download" onClick={onDownload}>
        {resume
          ? t('packs.resume', { ...pair, done: megabytes(need.partialBytes ?? 0, locale), size: megabytes(need.bytes, locale) })
          : t('packs.offer', { ...pair, size: megabytes(need.bytes, locale) })}
      </button>
      )}
      {offline ? (
        <p role="alert" className="error-text" data-testid="pack-offer-offline">
          {t('packs.offline')}
        </p>
      ) : (
        state.status === 'failed' && <ErrorAlert error={state.error} />
      )}
    </div>
  );
}
