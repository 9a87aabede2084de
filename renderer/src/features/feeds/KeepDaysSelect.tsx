/** A choice of how long feed articles are kept: forever, a number of days, or (per feed) the global setting. */
import { useTranslation } from 'react-i18next';

/** The day counts offered. */
export const KEEP_DAYS = [7, 14, 30, 90, 365] as const;

const INHERIT = 'inherit';
const FOREVER = 'forever';

/** The keep-days select; `inherit` adds "as in Settings" (null) and hides "forever". */
export function KeepDaysSelect({ id, value, inherit, onChange }: { id: string; value: number | null; inherit?: boolean; onChange: (days: number | null) => void }) {
  const { t } = useTranslation();
  const none = inherit ? INHERIT : FOREVER;
  const days: number[] = [...KEEP_DAYS];
  if (value !== null && !days.includes(value)) days.push(value);
  return (
    <select id={id} className="select" value={value === null ? none : String(value)} onChange={(e) => onChange(e.target.value === none ? null : Number(e.target.value))}>
      <option value={none}>{inherit ? t('feeds.keepInherit') : t('feeds.keepForever')}</option>
      {days
        .sort((a, b) => a - b)
        .map((n) => (
          <option key={n} value={String(n)}>
            {t('feeds.keepDays', { count: n })}
          </option>
        ))}
    </select>
  );
}
