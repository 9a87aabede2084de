/** Mapping feedsmith's RSS, RDF, Atom and JSON Feed objects onto ParsedFeed: links, images, enclosures, items. */
import type { ParsedFeed, ParsedItem } from './parse';
import { absoluteUrl, arr, at, dc, demoronize, escapeText, feedDate, obj, str, type Obj } from './parse-values';

function linkOfAtom(links: unknown, base: string | undefined, rel = 'alternate'): string | undefined {
  const list = arr(links).map(obj).filter((l): l is Obj => Boolean(l));
  const found = list.find((l) => (str(l.rel) ?? 'alternate') === rel && (rel !== 'alternate' || !/json|xml/.test(str(l.type) ?? ''))) ??
    list.find((l) => (str(l.rel) ?? 'alternate') === rel);
  return absoluteUrl(str(found?.href), base);
}

function mediaImage(item: unknown, base: string | undefined): string | undefined {
  const media = obj(at(item, 'media'));
  const candidates = [
    ...arr(media?.thumbnails),
    ...arr(media?.contents).filter((c) => /^image/.test(str(at(c, 'type')) ?? str(at(c, 'medium')) ?? '')),
    ...arr(at(media, 'group', 'contents')).filter((c) => /^image/.test(str(at(c, 'type')) ?? str(at(c, 'medium')) ?? '')),
    ...arr(at(media, 'group', 'thumbnails')),
  ];
  for (const c of candidates) {
    const url = absoluteUrl(str(at(c, 'url')), base);
    if (url) return url;
  }
  const itunes = absoluteUrl(str(at(item, 'itunes', 'image')) ?? str(at(item, 'itunes', 'image', 'href')), base);
  return itunes;
}

function enclosuresOf(list: unknown, base: string | undefined): ParsedItem['enclosures'] {
  const out: ParsedItem['enclosures'] = [];
  for (const e of arr(list)) {
    const url = absoluteUrl(str(at(e, 'url')) ?? str(at(e, 'href')), base);
    if (!url) continue;
    const type = str(at(e, 'type')) ?? str(at(e, 'mime_type'));
    const length = Number(at(e, 'length') ?? at(e, 'size_in_bytes'));
    out.push({ url, ...(type ? { type } : {}), ...(Number.isFinite(length) && length > 0 ? { length } : {}) });
  }
  return out;
}

function finishItem(item: ParsedItem): ParsedItem {
  item.title = demoronize(item.title);
  item.summary = demoronize(item.summary);
  item.content = demoronize(item.content);
  if (!item.image) {
    const enclosure = item.enclosures.find((e) => /^image\//.test(e.type ?? ''));
    if (enclosure) item.image = enclosure.url;
  }
  for (const key of Object.keys(item) as (keyof ParsedItem)[]) if (item[key] === undefined) delete item[key];
  return item;
}

/** An RSS 0.9x/2.0 or RSS 1.0/RDF channel. */
export function fromRss(feed: Obj, base: string | undefined, format: 'rss' | 'rdf', declaredBase: boolean): ParsedFeed {
  const siteUrl = absoluteUrl(str(feed.link), base) ?? linkOfAtom(at(feed, 'atom', 'links'), base);
  // Relative item links: an xml:base wins; else, as readers do for RSS, the channel's own link.
  const itemBase = declaredBase ? base : (siteUrl ?? base);
  const items = arr(feed.items).map((raw): ParsedItem => {
    const guidValue = str(at(raw, 'guid'));
    const permalink = at(raw, 'guid', 'isPermaLink') !== false;
    const link =
      absoluteUrl(str(at(raw, 'link')), itemBase) ??
      linkOfAtom(at(raw, 'atom', 'links'), itemBase) ??
      (guidValue && permalink ? absoluteUrl(guidValue, undefined) : undefined) ??
      absoluteUrl(str(at(raw, 'rdf', 'about')), undefined);
    const authors = arr(at(raw, 'authors')).map(str).filter(Boolean);
    return finishItem({
      guid: guidValue ?? str(at(raw, 'rdf', 'about')),
      link,
      title: str(at(raw, 'title')) ?? dc(raw, 'title') ?? str(at(raw, 'media', 'title')) ?? str(at(raw, 'media', 'group', 'title')),
      content: str(at(raw, 'content', 'encoded')) ?? str(at(raw, 'atom', 'content')),
      summary:
        str(at(raw, 'description')) ?? str(at(raw, 'itunes', 'summary')) ?? dc(raw, 'description') ??
        str(at(raw, 'media', 'description')) ?? str(at(raw, 'media', 'group', 'description')),
      publishedAt: feedDate(
        str(at(raw, 'pubDate')) ?? dc(raw, 'date') ?? str(at(raw, 'dcterms', 'issued')) ?? str(at(raw, 'atom', 'published')) ??
          str(at(raw, 'atom', 'updated')) ?? str(at(raw, 'dcterms', 'modified')),
      ),
      author: authors[0] ?? dc(raw, 'creator') ?? str(at(raw, 'itunes', 'author')),
      image: mediaImage(raw, link ?? base),
      enclosures: enclosuresOf(at(raw, 'enclosures') ?? at(raw, 'enclosure'), link ?? base),
    });
  });
  return {
    format,
    title: str(feed.title) ?? dc(feed, 'title') ?? '',
    siteUrl,
    description: str(feed.description),
    language: str(feed.language) ?? dc(feed, 'language'),
    items,
  };
}

/** An Atom 0.3/1.0 feed. */
export function fromAtom(feed: Obj, base: string | undefined): ParsedFeed {
  const siteUrl = linkOfAtom(feed.links, base);
  const items = arr(feed.entries).map((raw): ParsedItem => {
    const link = linkOfAtom(at(raw, 'links'), base) ?? absoluteUrl(str(at(raw, 'id')), undefined);
    return finishItem({
      guid: str(at(raw, 'id')),
      link,
      title: str(at(raw, 'title')),
      content: str(at(raw, 'content')),
      summary: str(at(raw, 'summary')),
      publishedAt: feedDate(str(at(raw, 'published')) ?? str(at(raw, 'issued')) ?? str(at(raw, 'updated')) ?? str(at(raw, 'modified')) ?? str(at(raw, 'created'))),
      author: str(at(arr(at(raw, 'authors'))[0], 'name')) ?? str(at(arr(feed.authors)[0], 'name')),
      image: mediaImage(raw, link ?? base),
      enclosures: enclosuresOf(arr(at(raw, 'links')).filter((l) => str(at(l, 'rel')) === 'enclosure'), link ?? base),
    });
  });
  return { format: 'atom', title: str(feed.title) ?? '', siteUrl, description: str(feed.subtitle) ?? str(feed.tagline), language: str(at(feed, 'lang')), items };
}

/** A JSON Feed 1.0/1.1. */
export function fromJson(feed: Obj, base: string | undefined): ParsedFeed {
  const siteUrl = absoluteUrl(str(feed.home_page_url), base);
  const items = arr(feed.items).map((raw): ParsedItem => {
    const link = absoluteUrl(str(at(raw, 'url')) ?? str(at(raw, 'external_url')), siteUrl ?? base);
    const text = str(at(raw, 'content_text'));
    return finishItem({
      guid: str(at(raw, 'id')),
      link,
      title: str(at(raw, 'title')),
      content: str(at(raw, 'content_html')) ?? (text ? escapeText(text) : undefined),
      summary: str(at(raw, 'summary')),
      publishedAt: feedDate(str(at(raw, 'date_published')) ?? str(at(raw, 'date_modified'))),
      author: str(at(arr(at(raw, 'authors'))[0], 'name')) ?? str(at(raw, 'author', 'name')) ?? str(at(arr(feed.authors)[0], 'name')),
      image: absoluteUrl(str(at(raw, 'image')) ?? str(at(raw, 'banner_image')), link ?? base),
      enclosures: enclosuresOf(at(raw, 'attachments'), link ?? base),
    });
  });
  return { format: 'json', title: str(feed.title) ?? '', siteUrl, description: str(feed.description), language: str(feed.language), items };
}
