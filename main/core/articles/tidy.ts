/**
 * Extraction tidying after Readability (issue 11, walk item 4): a title that still carries the
 * site's name ("Mozilla - Wikipedia", "…_探索者 _光明网", "…：日本経済新聞") loses it, a first
 * heading that repeats the title is dropped, and a lone "Photo" line above an image goes.
 * Every rule acts only on a match (a site name, or the page's own <h1>), never on the separator alone.
 */
import type { Block } from '../types';

/** What the page says about itself, read before Readability changes the document. */
export interface TitleFacts {
  /** Names the site gives itself: og:site_name, application-name, the OpenSearch title, twitter:site, the host. */
  siteNames: string[];
  /** The page's <h1> texts (the article's own headline is usually one of them). */
  headings: string[];
}

// Separators sites put between the headline and their name. ASCII "-", ":" and "/" only with
// spaces around them ("COVID-19", "10:30" and "and/or" are not separators).
const SEPARATOR = /\s*(?:[|｜–—_：·]|::)\s*|\s+[-:/@»]\s+/g;
// A trailing bracketed name: "[LWN.net]", "（CNET Japan）", "＜福娘童話集＞".
const BRACKETED = /\s*[[(（＜<【「]([^[\]()（）＜＞<>【】「」]{1,60})[\])）＞>】」]\s*$/u;

/** Letters and digits only, case- and width-folded: how names and headings are compared. */
export function foldName(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const meta = (doc: Document, key: string): string | undefined => {
  for (const m of Array.from(doc.getElementsByTagName('meta'))) {
    if ((m.getAttribute('property') ?? m.getAttribute('name'))?.toLowerCase() === key) return m.getAttribute('content')?.trim() || undefined;
  }
  return undefined;
};

/** Names for a host: "en.wikipedia.org" → the host and "wikipedia"; "www.nikkei.com" → "nikkei.com" and "nikkei". */
function hostNames(url: string | undefined): string[] {
  let host: string;
  try {
    host = url ? new URL(url).hostname.replace(/^www\./, '') : '';
  } catch {
    return [];
  }
  const labels = host.split('.');
  if (labels.length < 2 || /^\d+$/.test(labels.at(-1) ?? '')) return [];
  // "bbc.co.uk": the label before a two-letter country code and a short second level.
  const core = labels.length >= 3 && (labels.at(-1) as string).length === 2 && (labels.at(-2) as string).length <= 3 ? labels.at(-3) : labels.at(-2);
  return [host, core ?? ''].filter((n) => n.length >= 3);
}

/** Whether a link goes to a site's home page ("/", "https://www.gmw.cn/"). */
function isHomeLink(a: Element | null): boolean {
  const href = a?.getAttribute('href')?.trim();
  if (!href) return false;
  return href === '/' || /^https?:\/\/[^/?#]+\/?$/i.test(href);
}

/** The names a page's logo and home links carry: img alt in a home link or a "logo" image, a home link's title. */
function brandNames(doc: Document): string[] {
  const names: string[] = [];
  for (const img of Array.from(doc.getElementsByTagName('img')).slice(0, 200)) {
    const alt = img.getAttribute('alt')?.trim();
    const where = `${img.getAttribute('src') ?? ''} ${img.getAttribute('class') ?? ''} ${img.getAttribute('id') ?? ''}`;
    if (alt && alt.length <= 30 && (/logo/i.test(where) || isHomeLink(img.closest('a')))) names.push(alt);
  }
  for (const a of Array.from(doc.getElementsByTagName('a')).slice(0, 300)) {
    const title = a.getAttribute('title')?.trim();
    if (title && title.length <= 30 && isHomeLink(a)) names.push(title);
  }
  return names;
}

/** Reads the site's names and the page's headlines (call before Readability, which rewrites the document). */
export function titleFacts(doc: Document, url: string | undefined): TitleFacts {
  const search = Array.from(doc.getElementsByTagName('link')).find((l) => /opensearch/i.test(l.getAttribute('type') ?? ''));
  const names = [
    meta(doc, 'og:site_name'),
    meta(doc, 'application-name'),
    meta(doc, 'apple-mobile-web-app-title'),
    meta(doc, 'twitter:site')?.replace(/^@/, ''),
    search?.getAttribute('title')?.replace(/\s*\([^)]*\)\s*$/, ''),
    ...hostNames(url),
    ...brandNames(doc),
  ];
  const headings = Array.from(doc.getElementsByTagName('h1'))
    .slice(0, 4)
    .map((h) => (h.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((h) => h.length > 0 && h.length < 400);
  return { siteNames: [...new Set(names.filter((n): n is string => Boolean(n && n.trim())))], headings };
}

/** Where the title can be cut: [start, end) of each separator. */
function cuts(title: string): [number, number][] {
  return Array.from(title.matchAll(SEPARATOR), (m) => [m.index, m.index + m[0].length] as [number, number]).filter(([s, e]) => s > 0 && e < title.length);
}

/** Whether a piece of the title names the site: equal, or one starts the other ("Factorio" / "Factorio.com"). */
function namesSite(piece: string, sites: string[]): boolean {
  const p = foldName(piece);
  if (!p) return false;
  const cjk = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(p);
  return sites.some((site) => {
    const s = foldName(site);
    if (!s) return false;
    if (p === s) return true;
    // "日本経済新聞" for "日本経済新聞 電子版", "Le Monde" for "Le Monde.fr"; CJK names are short but specific.
    if (p.length < s.length) return p.length >= (cjk ? 2 : 4) && s.startsWith(p);
    return s.length >= 4 && p.startsWith(s) && p.length - s.length <= 12;
  });
}

/** A short trailing part after the page's headline: a section name ("探索者", "教育频道"). */
const shortTail = (tail: string): boolean => foldName(tail).length > 0 && tail.length <= 24 && tail.split(/\s+/).length <= 3;

/** The title without a leading or trailing site name (the headline itself is never emptied). */
export function cleanTitle(title: string, facts: TitleFacts): string {
  let t = title.trim();
  const sites = facts.siteNames;
  for (let round = 0; round < 3; round++) {
    const before = t;
    const bracket = BRACKETED.exec(t);
    if (bracket && bracket.index > 0 && namesSite(bracket[1] as string, sites)) t = t.slice(0, bracket.index).trim();
    // The shortest trailing (then leading) piece that names the site; further rounds peel the next one.
    const suffix = [...cuts(t)].reverse().find(([, end]) => namesSite(t.slice(end), sites));
    if (suffix) t = t.slice(0, suffix[0]).trim();
    const prefix = cuts(t).find(([start]) => namesSite(t.slice(0, start), sites));
    if (prefix) t = t.slice(prefix[1]).trim();
    if (t === before) break;
  }
  // Once the site's name is gone, a section name left between it and the page's own <h1> goes too
  // ("标题_科技_腾讯网" with <h1>标题</h1>); without a site match the title is left as it is.
  if (t !== title.trim()) {
    for (const [start, end] of cuts(t)) {
      const head = t.slice(0, start).trim();
      if (!/[:：]/.test(t.slice(start, end)) && shortTail(t.slice(end)) && facts.headings.some((h) => foldName(h) === foldName(head))) {
        t = head;
        break;
      }
    }
  }
  return foldName(t).length >= 2 ? t : title.trim();
}

/** The blocks without a first heading that repeats the title (the reader shows the title already). */
export function dropTitleHeading(blocks: Block[], titles: string[]): Block[] {
  const first = blocks.findIndex((b) => b.type !== 'image');
  const block = blocks[first];
  if (!block || block.type !== 'heading') return blocks;
  const text = foldName(block.text);
  return text && titles.some((t) => foldName(t) === text) ? blocks.filter((_, i) => i !== first) : blocks;
}

// A caption line that is only a label: "Photo", "Foto:", "Photograph", "Image", "Bild", "Gambar"…
const LONE_LABEL = /^\s*(?:photo|photograph|foto|fotografía|image|imagen|picture|bild|gambar|ảnh|写真|照片|图片|صورة)\s*[:：.]?\s*$/iu;

/** The blocks without a lone "Photo" line directly above an image. */
export function dropPhotoLabels(blocks: Block[]): Block[] {
  return blocks.filter((b, i) => !((b.type === 'paragraph' || b.type === 'caption') && LONE_LABEL.test(b.text) && blocks[i + 1]?.type === 'image'));
}
