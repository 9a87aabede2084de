/**
 * Dates, numbers and language names through Intl in the interface language. Formatters are
 * cached per locale, and the strings list rows ask for again and again (language names, row
 * dates) are cached too: scrolling 10,000 rows formats the same few hundred values.
 */

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

const strings = new Map<string, string | null>();
const MAX_STRINGS = 5000;

function memo(key: string, make: () => string | null): string | null {
  if (strings.has(key)) return strings.get(key) as string | null;
  if (strings.size >= MAX_STRINGS) strings.clear();
  const value = make();
  strings.set(key, value);
  return value;
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
  const day = startOfDay(d);
  const today = startOfDay(now);
  return memo(`date:${locale}:${day}:${today}`, () => {
    const days = Math.round((day - today) / 86_400_000);
    if (days <= 0 && days > -7) {
      return cached(`rel:${locale}`, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })).format(days, 'day');
    }
    return cached(`med:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' })).format(d);
  }) as string;
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
  return memo(`lang:${locale}:${code}`, () => {
    try {
      const name = cached(`lang:${locale}`, () => new Intl.DisplayNames(locale, { type: 'language' })).of(code);
      return name && name !== code ? name : code;
    } catch {
      return code;
    }
  });
}
