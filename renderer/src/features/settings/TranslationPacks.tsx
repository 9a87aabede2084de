/** Settings → Language packs → installed packs (size, SHA-256, remove); install from a folder or download from a registry (in a details element). */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { installPackFromFolder, installPackFromRegistry, onPackProgress, removePack } from '../../stores/packs';
import type { PackInfo } from '../../../../preload/contract';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { useSettings } from '../../stores/settings';
import { ErrorAlert } from '../../components/ErrorAlert';

/** A size in megabytes in the interface language (one decimal). */
function megabytes(bytes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

function Pack({ pack, onRemove }: { pack: PackInfo; onRemove: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <li className="pack" data-testid="pack">
      <span className="pack-name">
        <strong>{pack.id}</strong> {pack.version} · {megabytes(pack.bytes, locale)}
        {pack.problem && <span className="error-text"> · {t('translate.packDamaged')}</span>}
      </span>
      <button type="button" className="btn" onClick={onRemove}>
        {t('translate.removePack', { id: pack.id })}
      </button>
      {pack.files && (
        <details>
          <summary>{t('translate.packFiles')}</summary>
          <ul className="pack-files">
            {pack.files.map((f) => (
              <li key={f.name}>
                <code>{f.name}</code> · {megabytes(f.size, locale)} · SHA-256 <code className="hash">{f.sha256}</code>
              </li>
            ))}
          </ul>
        </details>
      )}
    </li>
  );
}

/** The packs part of the translation settings. */
export function TranslationPacks({ packs, onChanged }: { packs: PackInfo[]; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const registry = useSettings((s) => s.settings.packRegistryUrl);
  const update = useSettings((s) => s.update);
  const [packId, setPackId] = useState('');
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<PackInfo | null>(null);
  useEffect(() => onPackProgress((d, total) => setProgress({ done: d, total })), []);

  const run = (work: () => Promise<PackInfo | null | void>): void => {
    setBusy(true);
    setError(null);
    setDone(null);
    setProgress(null);
    work()
      .then((pack) => pack && setDone(pack), setError)
      .finally(() => {
        setBusy(false);
        onChanged();
      });
  };
  const validRegistry = /^https?:\/\/\S+$/i.test(registry);
  return (
    <div className="packs" data-testid="packs">
      <h4>{t('settingsNav.installedPacks')}</h4>
      {packs.length === 0 ? <p className="field-hint">{t('translate.noPacks')}</p> : (
        <ul className="pack-list">
          {packs.map((p) => <Pack key={p.id} pack={p} onRemove={() => run(() => removePack(p.id))} />)}
        </ul>
      )}
      {/* Folders and custom servers are for people who mirror the models: out of the way, one click to open. */}
      <details className="settings-details pack-other-ways" data-testid="pack-other-ways">
        <summary>{t('settingsNav.otherWays')}</summary>
        <button type="button" className="btn" disabled={busy} data-testid="pack-install-folder" onClick={() => run(() => installPackFromFolder({ title: t('translate.folderDialogTitle'), button: t('translate.folderDialogButton') }))}>
          {t('translate.installFolder')}
        </button>
        <div className="field">
          <label htmlFor="settings-registry">{t('translate.registryUrl')}</label>
          <input id="settings-registry" className="input" type="url" inputMode="url" dir="ltr" defaultValue={registry} placeholder="https://" onBlur={(e) => e.target.value !== registry && void update({ packRegistryUrl: e.target.value.trim() })} />
        </div>
        <div className="field">
          <label htmlFor="settings-pack-id">{t('translate.packId')}</label>
          <div className="radio-row">
            <input id="settings-pack-id" className="input" dir="ltr" value={packId} placeholder="en-es" onChange={(e) => setPackId(e.target.value.trim().toLowerCase())} />
            <button type="button" className="btn" data-testid="pack-download" disabled={busy || !validRegistry || !/^[a-z]{2,3}-[a-z]{2,3}$/.test(packId)} onClick={() => run(() => installPackFromRegistry(registry, packId))}>
              {t('translate.download')}
            </button>
          </div>
          {!validRegistry && <p className="field-hint">{t('translate.registryHint')}</p>}
        </div>
      </details>
      {busy && (
        <div role="status" className="translate-progress">
          <progress max={progress?.total || 1} value={progress?.done ?? 0} aria-label={t('translate.packProgressLabel')} />
          {progress && <span>{t('translate.packProgress', { done: megabytes(progress.done, locale), total: megabytes(progress.total, locale) })}</span>}
        </div>
      )}
      {done && <p role="status">{t('translate.packInstalled', { id: done.id, size: megabytes(done.bytes, locale), files: formatNumber(done.files?.length ?? 0, locale) })}</p>}
      <ErrorAlert error={error} />
    </div>
  );
}
