/** The feeds part of Settings: how often feeds refresh, and how long their articles are kept. */
import { useTranslation } from 'react-i18next';
import { KeepDaysSelect } from '../feeds/KeepDaysSelect';
import { useSettings } from '../../stores/settings';

/** Refresh intervals offered, in minutes (0: only by hand). */
export const REFRESH_CHOICES = [0, 15, 30, 60, 180, 360, 1440] as const;

/** The feed settings fields. */
export function FeedSettings() {
  const { t } = useTranslation();
  const settings = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  return (
    <div className="settings-group" data-testid="feed-settings">
      <div className="field">
        <label htmlFor="settings-refresh">{t('feeds.refreshEvery')}</label>
        <select id="settings-refresh" className="select" value={String(settings.refreshMinutes)} onChange={(e) => void update({ refreshMinutes: Number(e.target.value) })}>
          {REFRESH_CHOICES.map((m) => (
            <option key={m} value={String(m)}>
              {m === 0 ? t('feeds.refreshManual') : m < 60 ? t('feeds.everyMinutes', { count: m }) : t('feeds.everyHours', { count: m / 60 })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="settings-keep">{t('feeds.keepLabel')}</label>
        <KeepDaysSelect id="settings-keep" value={settings.keepDays} onChange={(keepDays) => void update({ keepDays })} />
        <p className="field-hint">{t('feeds.keepHint')}</p>
      </div>
    </div>
  );
}
