/** Settings → Storage & backup: where the library lives, the automatic copies, a whole-library archive, export and import. */
import { useTranslation } from 'react-i18next';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';

/** The storage section. */
export function StorageSettings() {
  const { t } = useTranslation();
  const appInfo = useSettings((s) => s.appInfo);
  const openDialog = useUi((s) => s.openDialog);
  return (
    <div className="settings-group" data-testid="storage-settings">
      <div className="field">
        <span className="field-label" id="settings-data-dir">
          {t('settingsNav.dataFolder')}
        </span>
        <code className="settings-path" dir="ltr" data-testid="data-dir">
          {appInfo?.dataDir ?? '…'}
        </code>
        <p className="field-hint">{t('settingsNav.dataFolderHint')}</p>
      </div>
      <div className="field">
        <span className="field-label">{t('settingsNav.backupTitle')}</span>
        <p className="field-hint">{t('settingsNav.backupHint')}</p>
        <code className="settings-path" dir="ltr">
          kabar backup --out kabar-backup.tar.gz
        </code>
      </div>
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
