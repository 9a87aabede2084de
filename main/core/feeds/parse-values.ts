/** Reading values out of parsed feed objects: tolerant accessors, URLs, dates, C1 repair, text to HTML. */

/** A parsed JSON/XML object. */
export type Obj = Record<string, unknown>;

/** The value as an object, or undefined. */
export function obj(value: unknown): Obj | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Obj) : undefined;
}

/** The value as a list: arrays as they are, one value as a list of one, nothing as empty. */
export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** The trimmed text of a value (a string, a number, or an object's `value` / `#text`); undefined when empty. */
export function str(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') {
    const o = obj(value);
    return o ? (str(o.value) ?? str(o['#text'])) : undefined;
  }
  const t = value.trim();
  return t || undefined;
}

/** The value at a path of keys, undefined where the path breaks. */
export function at(value: unknown, ...path: string[]): unknown {
  let cur = value;
  for (const key of path) cur = obj(cur)?.[key];
  return cur;
}

/** A Dublin Core value: feedsmith keeps them as plural arrays (`dc.dates`), older shapes singular. */
export function dc(value: unknown, name: string): string | undefined {
  return str(arr(at(value, 'dc', `${name}s`))[0]) ?? str(at(value, 'dc', name));
}

/** Resolves a possibly relative URL; undefined for anything that is not http(s). */
export function absoluteUrl(raw: string | undefined, base: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

const MONTHS: Record<string, string> = {
  jan: 'Jan', feb: 'Feb', mar: 'Mar', apr: 'Apr', may: 'May', jun: 'Jun',
  jul: 'Jul', aug: 'Aug', sep: 'Sep', oct: 'Oct', nov: 'Nov', dec: 'Dec',
};

/** Any feed date (RFC 822 with odd zones, W3CDTF, ISO 8601) → ISO string, or undefined. */
export function feedDate(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  let text = raw.trim();
  let ms = Date.parse(text);
  if (Number.isNaN(ms)) {
    // RFC 822 variants: full month names, "UT", missing seconds, military zones.
    text = text
      .replace(/\b([A-Za-z]{3})[a-z]*\b/g, (w, m: string) => MONTHS[m.toLowerCase()] ?? w)
      .replace(/\bUT\b/, 'GMT')
      .replace(/\s[A-IK-Z]$/, ' GMT');
    ms = Date.parse(text);
  }
  if (Number.isNaN(ms)) return undefined;
  const d = new Date(ms);
  return d.getUTCFullYear() < 1970 || d.getUTCFullYear() > 2200 ? undefined : d.toISOString();
}

// Numeric references like &#146; name windows-1252 bytes, not C1 controls (feedparser's "demoronize").
const C1 = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Replaces C1 control characters by the windows-1252 characters they stand for. */
export function demoronize(text: string | undefined): string | undefined {
  return text?.replace(/[\u0080-\u009f]/g, (c) => C1[c.charCodeAt(0) - 0x80] ?? c);
}

/** Plain text as HTML paragraphs (JSON Feed's content_text). */
export function escapeText(text: string): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return esc
    .split(/\n{2,}/)
    .map((p) => `<p>${p.replace(/\n/g, '<br>')}</p>`)
    .join('');
}
