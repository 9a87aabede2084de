/** Dates, numbers and language names through Intl in the interface language (formatters cached per locale). */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function valid(iso: string | undefined): Date | null {
  if (!iso) return null;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** A long date ("27 November 2026") for the reader's metadata line. */
export function formatLongDate(iso: string | undefined, locale: string): string {
  const d = valid(iso);
  return d ? cached(`long:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long' })).format(d) : '';
}

/** A short date for list rows: relative within a week ("2 days ago"), else a medium date. */
export function formatListDate(iso: string | undefined, locale: string, now: Date = new Date()): string {
  const d = valid(iso);
  if (!d) return '';
  const days = Math.round((startOfDay(d) - startOfDay(now)) / 86_400_000);
  if (days <= 0 && days > -7) {
    return cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
  }
  return cached(`med:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(d);
}

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** A number with the locale's digits and grouping. */
export function formatNumber(n: number, locale: string): string {
  return cached(`num:${locale}`, () => new Intl.NumberFormat(locale)).format(n);
}

/** A language's name in the interface language ('id' → "Indonesian"), or null when unknown. */
export function languageName(code: string, locale: string): string | null {
  if (!code || code === 'und') return null;
  try {
    const name = cached(`lang:${locale}`, () => new Intl.DisplayNames(locale, { type: 'language' })).of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}
