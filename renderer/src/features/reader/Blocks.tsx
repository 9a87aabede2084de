/**
 * Sanitized article blocks rendered as React elements. Text only ever becomes text nodes:
 * there is no dangerouslySetInnerHTML, so markup inside an article cannot run or style the app.
 */
import { memo, type MouseEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../../media';
import type { Block, Inline } from '../../../../preload/contract';
import { openExternalLink } from '../../stores/system';
import { useBlockDecor, type BlockDecor, type Side } from '../marks/context';
import { itemBases, splitRuns, type MarkRange } from '../marks/segments';

const EXTERNAL = /^(https?:|mailto:)/i;
/** Captured media are content-addressed (`<sha256>.<ext>`); any other name in an article file was tampered with. */
const MEDIA_NAME = /^[a-f0-9]{64}\.[a-z0-9]{2,5}$/;

function openLink(e: MouseEvent<HTMLAnchorElement>, href: string): void {
  // The app window never navigates: links go to the system browser.
  e.preventDefault();
  openExternalLink(href);
}

function Run({ run }: { run: Inline }) {
  const { t } = useTranslation();
  let node: ReactNode = run.text;
  if (run.code) node = <code>{node}</code>;
  if (run.em) node = <em>{node}</em>;
  if (run.strong) node = <strong>{node}</strong>;
  if (run.href && EXTERNAL.test(run.href)) {
    const href = run.href;
    node = (
      <a href={href} title={t('reader.linkTitle', { href })} onClick={(e) => openLink(e, href)}>
        {node}
      </a>
    );
  }
  return <>{node}</>;
}

/** Inline runs (links, emphasis, code) or the plain text when a block has none; highlights as <mark>. */
export function Runs({ runs, text, marks, base = 0 }: { runs: Inline[] | undefined; text: string; marks?: MarkRange[]; base?: number }) {
  if (marks && marks.length > 0) {
    const pieces = splitRuns(runs && runs.length > 0 ? runs : [{ text }], marks, base);
    return (
      <>
        {pieces.map((p, i) =>
          p.mark ? (
            <mark key={i} className={`hl hl-${p.mark.color}${p.mark.note ? ' hl-noted' : ''}`} data-hl={p.mark.id}>
              <Run run={p.run} />
            </mark>
          ) : (
            <Run key={i} run={p.run} />
          ),
        )}
      </>
    );
  }
  if (!runs || runs.length === 0) return <>{text}</>;
  return (
    <>
      {runs.map((run, i) => (
        <Run key={i} run={run} />
      ))}
    </>
  );
}

function ImageBlock({ block }: { block: Block }) {
  const { t } = useTranslation();
  const alt = block.alt?.trim() ?? '';
  if (block.media && MEDIA_NAME.test(block.media)) {
    return (
      <figure className="reader-figure">
        <img src={mediaUrl(block.media)} alt={alt} loading="lazy" decoding="async" />
      </figure>
    );
  }
  // Never a remote URL: the article must read the same offline, and nothing should phone home.
  return (
    <figure className="reader-figure">
      <div className="image-missing" role="img" aria-label={alt ? t('reader.imageNotSavedAlt', { alt }) : t('reader.imageNotSaved')}>
        <span aria-hidden="true">{alt || t('reader.imageNotSaved')}</span>
      </div>
    </figure>
  );
}

function headingLevel(level: number | undefined): 2 | 3 | 4 | 5 | 6 {
  const n = Math.round(level ?? 2);
  return (n < 2 ? 2 : n > 6 ? 6 : n) as 2 | 3 | 4 | 5 | 6;
}

/** Attributes that let the marks layer find a block (index, side) and flag it. */
function markAttrs(index: number | undefined, side: Side, decor: BlockDecor | undefined, className = ''): Record<string, string | number | undefined> {
  const cls = `${className}${decor?.flagged ? ' hl-flag' : ''}`.trim();
  return index === undefined ? { className: cls || undefined } : { 'data-block': index, 'data-side': side, className: cls || undefined };
}

/** One block; `index` and `side` place it for highlights (left out, the block is plain). */
export function BlockView({ block, index, side = 'original' }: { block: Block; index?: number; side?: Side }) {
  const dir = block.dir;
  const decor = useBlockDecor(side, index);
  const marks = decor?.ranges;
  switch (block.type) {
    case 'heading': {
      const H = `h${headingLevel(block.level)}` as const;
      return (
        <H dir={dir} {...markAttrs(index, side, decor)}>
          <Runs runs={block.inline} text={block.text} marks={marks} />
          {decor?.extra}
        </H>
      );
    }
    case 'quote':
      return (
        <blockquote dir={dir} {...markAttrs(index, side, decor)}>
          <p>
            <Runs runs={block.inline} text={block.text} marks={marks} />
          </p>
          {decor?.extra}
        </blockquote>
      );
    case 'list': {
      const items = block.items ?? block.text.split('\n').map((line) => [{ text: line }]);
      const bases = itemBases(items);
      const L = block.ordered ? 'ol' : 'ul';
      return (
        <L dir={dir} {...markAttrs(index, side, decor)}>
          {items.map((runs, i) => (
            <li key={i}>
              <Runs runs={runs} text="" marks={marks} base={bases[i]} />
              {i === items.length - 1 && decor?.extra}
            </li>
          ))}
        </L>
      );
    }
    case 'image':
      return <ImageBlock block={block} />;
    case 'caption':
      return (
        <p dir={dir} {...markAttrs(index, side, decor, 'caption')}>
          <Runs runs={block.inline} text={block.text} marks={marks} />
          {decor?.extra}
        </p>
      );
    case 'code':
      return (
        <pre dir="ltr">
          <code>{block.text}</code>
        </pre>
      );
    case 'paragraph':
    default:
      return (
        <p dir={dir} {...markAttrs(index, side, decor)}>
          <Runs runs={block.inline} text={block.text} marks={marks} />
          {decor?.extra}
        </p>
      );
  }
}

/** An article body; memoized so metadata changes (tags, bookmark, progress) do not re-render it. */
export const Blocks = memo(function Blocks({ blocks }: { blocks: Block[] }) {
  return (
    <>
      {blocks.map((block, i) => (
        <BlockView key={i} block={block} index={i} />
      ))}
    </>
  );
});
