/** Language codes: Apertium's ISO 639-3 codes ↔ the ISO 639-1 codes Kabar uses, and English names for messages. */

const THREE_TO_TWO: Record<string, string> = {
  afr: 'af', arg: 'an', ara: 'ar', arb: 'ar', bel: 'be', bul: 'bg', bre: 'br', cat: 'ca', ces: 'cs', cym: 'cy',
  dan: 'da', deu: 'de', ell: 'el', eng: 'en', epo: 'eo', spa: 'es', est: 'et', eus: 'eu', fas: 'fa', fin: 'fi',
  fao: 'fo', fra: 'fr', gle: 'ga', gla: 'gd', glg: 'gl', heb: 'he', hin: 'hi', hrv: 'hr', hbs: 'sh', hun: 'hu',
  ind: 'id', isl: 'is', ita: 'it', jpn: 'ja', kaz: 'kk', kir: 'ky', lit: 'lt', lav: 'lv', mkd: 'mk', mlt: 'mt',
  msa: 'ms', zlm: 'ms', nld: 'nl', nno: 'nn', nob: 'nb', nor: 'no', oci: 'oc', pol: 'pl', por: 'pt', ron: 'ro',
  rus: 'ru', srd: 'sc', sme: 'se', slk: 'sk', slv: 'sl', sqi: 'sq', srp: 'sr', swe: 'sv', tat: 'tt', tur: 'tr',
  ukr: 'uk', urd: 'ur', uzb: 'uz', zho: 'zh',
};

/** ISO 639-1 code for an Apertium language code ("zlm" → "ms", "eng_US" → "en"); unknown codes pass through. */
export function fromApertiumCode(code: string): string {
  const base = code.split('_')[0]?.toLowerCase() ?? code;
  return THREE_TO_TWO[base] ?? base;
}

/** Normalizes a BCP-47 tag to its primary subtag ("pt-BR" → "pt", "in" → "id"). */
export function primaryLang(tag: string): string {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (primary === 'in') return 'id';
  if (primary === 'zsm') return 'ms';
  return THREE_TO_TWO[primary] ?? primary;
}

/** English name of a language for messages ("id" → "Indonesian"); the code when unknown. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
