/** The connection state as the browser reports it, updated by online/offline events. */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../stores/ui';

/** Top-bar indicator: "Online" / "Offline" with a hint saying what still works. */
export function OfflineIndicator() {
  const { t } = useTranslation();
  const online = useUi((s) => s.online);
  useEffect(() => {
    const update = (): void => useUi.setState({ online: navigator.onLine });
    update();
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return (
    <span className="offline" role="status" data-testid="offline-indicator" data-online={String(online)} title={online ? t('status.onlineHint') : t('status.offlineHint')}>
      {online ? t('status.online') : t('status.offline')}
      <span className="visually-hidden">{online ? t('status.onlineHint') : t('status.offlineHint')}</span>
    </span>
  );
}
