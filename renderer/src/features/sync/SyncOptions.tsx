/** Settings → Accounts: how often to sync, how many days of history to fetch, and "Subscribe on the server". */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSync } from '../../stores/sync';

/** Sync intervals offered, in minutes (0: at start, after refreshes and by hand only). */
export const SYNC_INTERVALS = [0, 5, 15, 30, 60, 180, 720, 1440] as const;
/** Days of history offered. */
export const SYNC_DAYS = [1, 3, 7, 14, 30, 90, 365] as const;

type T = ReturnType<typeof useTranslation>['t'];

/** An interval choice in words. */
export function intervalLabel(t: T, minutes: number): string {
  if (minutes === 0) return t('sync.intervalManual');
  return minutes < 60 ? t('feeds.everyMinutes', { count: minutes }) : t('feeds.everyHours', { count: minutes / 60 });
}

/** The choices with the current value kept when it is not one of them (set by the CLI or an older version). */
function withCurrent(choices: readonly number[], current: number): number[] {
  return choices.includes(current) ? [...choices] : [...choices, current].sort((a, b) => a - b);
}

/** Props of SyncChoices. */
export interface SyncChoicesProps {
  days: number;
  intervalMinutes: number;
  onChange: (patch: { days?: number; intervalMinutes?: number }) => void;
  disabled?: boolean;
}

/** The two selects (used in the add form and for an account). */
export function SyncChoices({ days, intervalMinutes, onChange, disabled }: SyncChoicesProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="field">
        <label htmlFor="sync-interval">{t('sync.interval')}</label>
        <select id="sync-interval" className="select" disabled={disabled} value={String(intervalMinutes)} onChange={(e) => onChange({ intervalMinutes: Number(e.target.value) })}>
          {withCurrent(SYNC_INTERVALS, intervalMinutes).map((m) => (
            <option key={m} value={String(m)}>
              {intervalLabel(t, m)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sync-days">{t('sync.days')}</label>
        <select id="sync-days" className="select" disabled={disabled} value={String(days)} aria-describedby="sync-days-hint" onChange={(e) => onChange({ days: Number(e.target.value) })}>
          {withCurrent(SYNC_DAYS, days).map((d) => (
            <option key={d} value={String(d)}>
              {t('sync.daysValue', { count: d })}
            </option>
          ))}
        </select>
        <p id="sync-days-hint" className="field-hint">
          {t('sync.daysHint')}
        </p>
      </div>
    </>
  );
}

/** "Subscribe on the server": adds a feed to the account, so it appears on the other devices. */
export function ServerSubscribe() {
  const { t } = useTranslation();
  const { subscribe, busy } = useSync();
  const [url, setUrl] = useState('');
  const [folder, setFolder] = useState('');
  const [done, setDone] = useState(false);
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    setDone(false);
    void subscribe(url.trim(), folder.trim() || undefined).then((ok) => {
      if (!ok) return;
      setDone(true);
      setUrl('');
    });
  };
  return (
    <form onSubmit={submit} data-testid="sync-subscribe" aria-labelledby="sync-subscribe-title" className="settings-subform">
      <h4 id="sync-subscribe-title">{t('sync.subscribeTitle')}</h4>
      <p className="field-hint">{t('sync.subscribeHint')}</p>
      <div className="field">
        <label htmlFor="sync-feed-url">{t('sync.feedUrl')}</label>
        <input id="sync-feed-url" className="input" type="url" dir="ltr" required value={url} placeholder="https://example.org/feed.xml" onChange={(e) => setUrl(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="sync-feed-folder">{t('sync.folder')}</label>
        <input id="sync-feed-folder" className="input" dir="auto" value={folder} onChange={(e) => setFolder(e.target.value)} />
      </div>
      <button type="submit" className="btn" disabled={busy || url.trim() === ''}>
        {t('sync.subscribe')}
      </button>
      <p role="status" data-testid="sync-subscribed">
        {done && t('sync.subscribed')}
      </p>
    </form>
  );
}
