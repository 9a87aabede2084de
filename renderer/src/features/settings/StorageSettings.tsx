/** Settings → Storage & backup: where the library lives, the automatic copies, a whole-library backup, export and import. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupResult } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatNumber } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import { backupLibrary } from '../../stores/backup';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';

/** A file size in the interface language: kB below a megabyte (a small library is not "0 MB"), else MB with one decimal. */
export function fileSize(bytes: number, locale: string): string {
  const [unit, value, digits] = bytes < 1_000_000 ? (['kilobyte', bytes / 1000, 0] as const) : (['megabyte', bytes / 1_000_000, 1] as const);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: digits }).format(Math.max(value, bytes > 0 ? 1 : 0));
}

function Backup() {
  const { t } = useTranslation();
  const locale = useLocale();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<BackupResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = (): void => {
    setBusy(true);
    setDone(null);
    setError(null);
    backupLibrary({ title: t('settingsNav.backupDialogTitle'), button: t('settingsNav.backupDialogButton'), filterName: t('settingsNav.backupFilter') })
      .then(setDone, setError)
      .finally(() => setBusy(false));
  };
  return (
    <div className="field">
      <span className="field-label">{t('settingsNav.backupTitle')}</span>
      <p className="field-hint">{t('settingsNav.backupHint')}</p>
      <button type="button" className="btn settings-start" disabled={busy} onClick={run} data-testid="backup-button">
        {t('settingsNav.backupButton')}
      </button>
      <p role="status" data-testid="backup-status">
        {busy && t('settingsNav.backingUp')}
        {done && (
          <>
            {t('settingsNav.backedUp', { files: formatNumber(done.files, locale), size: fileSize(done.bytes, locale) })} <code dir="ltr">{done.file}</code>
          </>
        )}
      </p>
      <ErrorAlert error={error} />
      <p className="field-hint">{t('settingsNav.restoreHint')}</p>
      <code className="settings-path" dir="ltr">
        kabar restore kabar-backup.tar.gz
      </code>
    </div>
  );
}

/** The storage section. */
export function StorageSettings() {
  const { t } = useTranslation();
  const appInfo = useSettings((s) => s.appInfo);
  const openDialog = useUi((s) => s.openDialog);
  return (
    <div className="settings-group" data-testid="storage-settings">
      <div className="field">
        <span className="field-label">{t('settingsNav.dataFolder')}</span>
        <code className="settings-path" dir="ltr" data-testid="data-dir">
          {appInfo?.dataDir ?? '…'}
        </code>
        <p className="field-hint">{t('settingsNav.dataFolderHint')}</p>
      </div>
      <Backup />
      <div className="radio-row">
        <button type="button" className="btn" onClick={() => openDialog({ kind: 'export' })}>
          {t('settingsNav.exportButton')}
        </button>
        <button type="button" className="btn" onClick={() => openDialog({ kind: 'migrate' })}>
          {t('settingsNav.migrateButton')}
        </button>
      </div>
      {appInfo && <p className="field-hint">{t('settingsNav.version', { version: appInfo.version })}</p>}
    </div>
  );
}
