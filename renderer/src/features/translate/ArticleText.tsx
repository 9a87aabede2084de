/**
 * The article body in the chosen mode: the original blocks, the translation (failed blocks shown
 * in the original and marked), or both, each original block paired with its translation.
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Block, ReadingMode, Translation } from '../../../../preload/contract';
import { BlockView, Blocks } from '../reader/Blocks';
import { dirOf } from './languages';

/** Blocks shown once in the bilingual view: nothing in them was translated. */
function untranslatable(block: Block): boolean {
  return block.type === 'image' || block.type === 'code';
}

function FailedBlock({ block, from, index }: { block: Block; from: string; index?: number }) {
  const { t } = useTranslation();
  return (
    <div className="block-failed" data-testid="failed-block" title={block.failed}>
      <p className="block-failed-label">{t('translate.blockFailed')}</p>
      <div lang={from}>
        <BlockView block={block} index={index} side="translation" />
      </div>
    </div>
  );
}

/** The translated body: each failed block keeps its original text, marked. */
export const TranslatedBlocks = memo(function TranslatedBlocks({ translation, from }: { translation: Translation; from: string }) {
  return (
    <>
      {translation.blocks.map((block, i) =>
        block.failed ? <FailedBlock key={i} block={block} from={from} index={i} /> : <BlockView key={i} block={block} index={i} side="translation" />,
      )}
    </>
  );
});

/** The bilingual body: one pair per original block (headings too), each side marked with its language. */
export const BilingualBlocks = memo(function BilingualBlocks({ blocks, translation, from, fromDir }: { blocks: Block[]; translation: Translation; from: string; fromDir: 'ltr' | 'rtl' }) {
  const to = translation.lang;
  return (
    <div className="bilingual">
      {blocks.map((block, i) => {
        const translated = translation.blocks[i];
        if (untranslatable(block) || !translated) {
          return (
            <div key={i} className="bi-single">
              <BlockView block={block} index={i} />
            </div>
          );
        }
        return (
          <div key={i} className="bi-pair" data-testid="bi-pair">
            <div className="bi-original" lang={from} dir={fromDir}>
              <BlockView block={block} index={i} />
            </div>
            <div className="bi-translation" lang={translated.failed ? from : to} dir={translated.failed ? fromDir : dirOf(to)}>
              {translated.failed ? <FailedBlock block={translated} from={from} index={i} /> : <BlockView block={translated} index={i} side="translation" />}
            </div>
          </div>
        );
      })}
    </div>
  );
});

/** Props of ArticleText. */
export interface ArticleTextProps {
  blocks: Block[];
  translation: Translation | undefined;
  mode: ReadingMode;
  from: string;
  fromDir: 'ltr' | 'rtl';
}

/** The body in the mode asked for (the original when there is no translation). */
export function ArticleText({ blocks, translation, mode, from, fromDir }: ArticleTextProps) {
  if (!translation || mode === 'original') return <Blocks blocks={blocks} />;
  if (mode === 'translated') return <TranslatedBlocks translation={translation} from={from} />;
  return <BilingualBlocks blocks={blocks} translation={translation} from={from} fromDir={fromDir} />;
}
