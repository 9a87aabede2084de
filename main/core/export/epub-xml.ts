/** The XML files of an EPUB 3 book: container, package document (OPF), navigation, cover page, style. */
import { escapeXml } from './xhtml';

/** A chapter (one article) as the package and the navigation see it. */
export interface ChapterRef {
  id: string;
  href: string;
  title: string;
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** An image file in the book. */
export interface ImageRef {
  id: string;
  href: string;
  mediaType: string;
}

/** What the package document says about the book. */
export interface BookMeta {
  identifier: string;
  title: string;
  /** Languages of the book, the main one first (dc:language, one per language its articles are in). */
  languages: string[];
  dir: 'ltr' | 'rtl';
  modified: Date;
  description: string;
  creator?: string;
  source?: string;
  subjects: string[];
  /** The interface strings the book's own pages use. */
  labels: { contents: string; subtitle: string };
}

/** META-INF/container.xml: where the package document is. */
export const CONTAINER_XML = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles>
</container>
`;

/** The book's style sheet: readable defaults that leave fonts and sizes to the reading system. */
export const STYLE_CSS = `body { line-height: 1.5; margin: 0 1em; }
h1 { font-size: 1.6em; line-height: 1.25; margin: 0.5em 0; }
img { max-width: 100%; height: auto; }
figure { margin: 1em 0; text-align: center; }
figcaption, .caption, .image-missing, .meta, .source { font-size: 0.85em; color: #555; }
.image-missing { font-style: italic; }
.translation { color: #1d4f7a; margin-top: -0.5em; }
blockquote { margin: 1em 1.5em; font-style: italic; }
pre { white-space: pre-wrap; font-size: 0.85em; }
table { border-collapse: collapse; margin: 1em 0; }
td { border: 1px solid #bbb; padding: 0.2em 0.4em; vertical-align: top; }
.cover { text-align: center; margin-top: 30%; }
.cover .subtitle, .cover .date { color: #555; }
.source a { word-break: break-all; }
`;

/** The language attributes for an element: lang and xml:lang must agree in EPUB's XHTML. */
export function langAttrs(lang: string, dir?: 'ltr' | 'rtl'): string {
  const l = escapeXml(lang);
  return ` lang="${l}" xml:lang="${l}"${dir ? ` dir="${dir}"` : ''}`;
}

/** An XHTML content document with a title, the style sheet and a body. */
export function xhtmlDocument(opts: { title: string; lang: string; dir: 'ltr' | 'rtl'; css: string; body: string; bodyType?: string }): string {
  const type = opts.bodyType ? ` epub:type="${opts.bodyType}"` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"${langAttrs(opts.lang, opts.dir)}>
<head>
<meta charset="utf-8"/>
<title>${escapeXml(opts.title) || '-'}</title>
<link rel="stylesheet" type="text/css" href="${opts.css}"/>
</head>
<body${type}>
${opts.body}
</body>
</html>
`;
}

function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The cover page: the book's title, what it holds and when it was made. */
export function coverXhtml(book: BookMeta): string {
  const body = `<section class="cover" epub:type="titlepage">
<h1>${escapeXml(book.title)}</h1>
<p class="subtitle">${escapeXml(book.labels.subtitle)}</p>
<p class="date">${book.modified.toISOString().slice(0, 10)}</p>
</section>`;
  return xhtmlDocument({ title: book.title, lang: book.languages[0] ?? 'und', dir: book.dir, css: 'style.css', body, bodyType: 'cover' });
}

/** The navigation document: the table of contents (one entry per article) and landmarks. */
export function navXhtml(book: BookMeta, chapters: ChapterRef[]): string {
  const items = chapters.map((c) => `<li${langAttrs(c.lang, c.dir)}><a href="${c.href}">${escapeXml(c.title) || '-'}</a></li>`);
  const first = chapters[0]?.href ?? 'cover.xhtml';
  const body = `<nav epub:type="toc" id="toc">
<h1>${escapeXml(book.labels.contents)}</h1>
<ol>
${items.join('\n')}
</ol>
</nav>
<nav epub:type="landmarks" id="landmarks" hidden="hidden">
<ol>
<li><a epub:type="cover" href="cover.xhtml">${escapeXml(book.title) || '-'}</a></li>
<li><a epub:type="toc" href="nav.xhtml#toc">${escapeXml(book.labels.contents)}</a></li>
<li><a epub:type="bodymatter" href="${first}">${escapeXml(chapters[0]?.title ?? book.title) || '-'}</a></li>
</ol>
</nav>`;
  return xhtmlDocument({ title: book.labels.contents, lang: book.languages[0] ?? 'und', dir: book.dir, css: 'style.css', body });
}

/** The package document: metadata, every file in the book, and the reading order. */
export function packageOpf(book: BookMeta, chapters: ChapterRef[], images: ImageRef[]): string {
  const meta = [
    `<dc:identifier id="book-id">${escapeXml(book.identifier)}</dc:identifier>`,
    `<dc:title>${escapeXml(book.title) || '-'}</dc:title>`,
    ...book.languages.map((l) => `<dc:language>${escapeXml(l)}</dc:language>`),
    book.creator ? `<dc:creator>${escapeXml(book.creator)}</dc:creator>` : '',
    `<dc:date>${book.modified.toISOString().slice(0, 10)}</dc:date>`,
    book.source ? `<dc:source>${escapeXml(book.source)}</dc:source>` : '',
    ...book.subjects.map((s) => `<dc:subject>${escapeXml(s)}</dc:subject>`),
    book.description ? `<dc:description>${escapeXml(book.description)}</dc:description>` : '',
    `<dc:publisher>Kabar</dc:publisher>`,
    `<meta property="dcterms:modified">${isoSeconds(book.modified)}</meta>`,
  ].filter(Boolean);
  const manifest = [
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>',
    '<item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>',
    '<item id="css" href="style.css" media-type="text/css"/>',
    ...chapters.map((c) => `<item id="${c.id}" href="${c.href}" media-type="application/xhtml+xml"/>`),
    ...images.map((i) => `<item id="${i.id}" href="${i.href}" media-type="${i.mediaType}"/>`),
  ];
  const progression = book.dir === 'rtl' ? ' page-progression-direction="rtl"' : '';
  const spine = ['<itemref idref="cover"/>', '<itemref idref="nav"/>', ...chapters.map((c) => `<itemref idref="${c.id}"/>`)];
  return `<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="book-id" xml:lang="${escapeXml(book.languages[0] ?? 'und')}" dir="${book.dir}">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
${meta.join('\n')}
</metadata>
<manifest>
${manifest.join('\n')}
</manifest>
<spine${progression}>
${spine.join('\n')}
</spine>
</package>
`;
}
