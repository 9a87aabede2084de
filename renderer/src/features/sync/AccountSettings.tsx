/** Settings → Accounts: add a Google Reader API account, its status line, Sync now, Remove, interval and days, subscribe on the server. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncView } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorMessage } from '../../i18n/errors';
import { followSync, useSync } from '../../stores/sync';
import { ServerSubscribe, SyncChoices } from './SyncOptions';

type T = ReturnType<typeof useTranslation>['t'];

/** "2 min ago" in the interface language. */
function ago(iso: string, locale: string, now: Date): string {
  const minutes = Math.round((now.getTime() - Date.parse(iso)) / 60_000);
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  return minutes < 60 ? rtf.format(-minutes, 'minute') : rtf.format(-Math.round(minutes / 60), 'hour');
}

/** The status line: "Synced 2 min ago", "Offline — 12 changes waiting", "Wrong password for alice@…". */
export function statusLine(t: T, view: SyncView, locale: string, now = new Date()): string {
  const who = `${view.user}@${new URL(view.url).host}`;
  const waiting = view.waiting > 0 ? ` — ${t('sync.waiting', { count: view.waiting })}` : '';
  if (view.running) return t('sync.running');
  const code = view.lastError?.code;
  if (code === 'SYNC_AUTH_FAILED') return t('sync.wrongPassword', { who }) + waiting;
  if (code === 'SYNC_OFFLINE' || code === 'SYNC_TIMEOUT') return t('sync.offline', { count: view.waiting });
  if (view.lastError) return `${t('sync.failed')} ${errorMessage(t, view.lastError)}${waiting}`;
  if (!view.lastSyncAt) return t('sync.never') + waiting;
  return t('sync.synced', { ago: ago(view.lastSyncAt, locale, now) }) + waiting;
}

function AddAccount() {
  const { t } = useTranslation();
  const { add, busy } = useSync();
  const [url, setUrl] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [choices, setChoices] = useState({ days: 14, intervalMinutes: 30 });
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    void add({ url: url.trim(), user: user.trim(), password, ...choices }).then((ok) => ok && setPassword(''));
  };
  return (
    <form onSubmit={submit} data-testid="sync-add">
      <p className="field-hint">{t('sync.intro')}</p>
      <div className="field">
        <label htmlFor="sync-url">{t('sync.url')}</label>
        <input id="sync-url" className="input" type="url" required value={url} placeholder="https://rss.example.org/api/greader.php" onChange={(e) => setUrl(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="sync-user">{t('sync.user')}</label>
        <input id="sync-user" className="input" required autoComplete="username" value={user} onChange={(e) => setUser(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="sync-password">{t('sync.password')}</label>
        <input id="sync-password" className="input" type="password" required autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <SyncChoices {...choices} onChange={(patch) => setChoices((c) => ({ ...c, ...patch }))} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t('sync.add')}
      </button>
    </form>
  );
}

/** The accounts section of Settings. */
export function AccountSettings() {
  const { t, i18n } = useTranslation();
  const { view, busy, error, load, remove, syncNow, setOptions } = useSync();
  useEffect(() => {
    void load();
    return followSync();
  }, [load]);
  return (
    <div className="settings-group" data-testid="account-settings">
      {view === null && <AddAccount />}
      {view && (
        <div className="settings-group" data-testid="sync-account">
          <p>
            <strong dir="auto">{view.user}</strong> · <span dir="ltr">{new URL(view.url).host}</span>
          </p>
          <p role="status" data-testid="sync-status">
            {statusLine(t, view, i18n.language)}
          </p>
          <p className="field-hint">{t('sync.details', { feeds: view.syncedFeeds, store: view.credentialStore === 'keychain' ? t('sync.keychain') : t('sync.ownerFile') })}</p>
          <div className="radio-row">
            <button type="button" className="btn" disabled={busy || view.running} onClick={() => void syncNow()}>
              {t('sync.now')}
            </button>
            <button type="button" className="btn" disabled={busy} onClick={() => void remove()}>
              {t('sync.remove')}
            </button>
          </div>
          <SyncChoices days={view.days} intervalMinutes={view.intervalMinutes} disabled={busy} onChange={(patch) => void setOptions(patch)} />
          <ServerSubscribe />
        </div>
      )}
      <p className="field-hint">{t('sync.pagesStayLocal')}</p>
      <ErrorAlert error={error} />
    </div>
  );
}
