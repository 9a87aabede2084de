/**
 * Listen in the reader: reads the article — or the translation being shown — paragraph by
 * paragraph, marks the sentence being read (CSS Custom Highlight, so the text's DOM is untouched)
 * and keeps it in view. System voices first (Web Speech), else espeak-ng audio from main. Space
 * pauses and resumes while listening.
 */
import { useEffect, useRef, useState } from 'react';
import type { Article, Block, ReadingMode, Translation } from '../../../../preload/contract';
import { speakParagraph } from '../../stores/listen';
import { ListenBar } from './ListenBar';
import { ListenPlayer, webVoiceFor, type ListenParagraph, type ListenState, type VoiceSource } from './player';

const IDLE: ListenState = { status: 'idle', index: 0, block: null, sentence: null };
const HIGHLIGHT = 'kabar-listen';

/** The paragraphs to read, with their block index in the body, and their language. */
export function listenPlan(article: Article, translation: Translation | undefined, mode: ReadingMode): { lang: string; paragraphs: ListenParagraph[] } {
  const useTranslation = translation && mode === 'translated';
  const blocks: Block[] = useTranslation ? translation.blocks : article.blocks;
  const paragraphs = blocks.flatMap((b, block) => (b.type === 'image' || b.type === 'code' || b.failed || !b.text.trim() ? [] : [{ block, text: b.text }]));
  return { lang: useTranslation ? translation.lang : article.lang, paragraphs };
}

/** A system voice for the language, when Chromium has any. */
function systemVoice(lang: string): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return webVoiceFor(speechSynthesis.getVoices(), lang);
}

/** Text node and offset at a character offset of an element's text. */
function point(root: Node, offset: number): [Node, number] | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let left = offset;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = node.textContent?.length ?? 0;
    if (left <= length) return [node, left];
    left -= length;
  }
  return null;
}

/** Marks the sentence (or, where the highlight API is missing, the paragraph) and scrolls it into view. */
function mark(state: ListenState, text: string | undefined): void {
  const body = document.querySelector('[data-testid="reader-body"]');
  for (const el of body?.querySelectorAll('.listen-current') ?? []) el.classList.remove('listen-current');
  const highlights = (globalThis as { CSS?: { highlights?: Map<string, unknown> } }).CSS?.highlights;
  highlights?.delete(HIGHLIGHT);
  if (!body || state.block === null || state.status === 'idle') return;
  const element = body.children[state.block];
  if (!element) return;
  element.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  const Highlight = (globalThis as { Highlight?: new (...ranges: Range[]) => unknown }).Highlight;
  if (highlights && Highlight && state.sentence && element.textContent === text) {
    const start = point(element, state.sentence.start);
    const end = point(element, state.sentence.end);
    if (start && end) {
      const range = document.createRange();
      range.setStart(...start);
      range.setEnd(...end);
      highlights.set(HIGHLIGHT, new Highlight(range));
      return;
    }
  }
  element.classList.add('listen-current');
}

/** The Listen controls for the open article. */
export function Listen({ article, translation, mode }: { article: Article; translation: Translation | undefined; mode: ReadingMode }) {
  // The article object changes when its metadata does (marked read, tagged): only a new text resets the player.
  const key = `${article.id}|${article.lang}|${mode}|${translation?.lang ?? ''}|${translation?.createdAt ?? ''}`;
  const planned = useRef<{ key: string; plan: ReturnType<typeof listenPlan> } | null>(null);
  if (planned.current?.key !== key) planned.current = { key, plan: listenPlan(article, translation, mode) };
  const plan = planned.current.plan;
  const [state, setState] = useState<ListenState>(IDLE);
  const [rate, setRate] = useState(1);
  const player = useRef<ListenPlayer | null>(null);

  useEffect(() => {
    player.current?.stop();
    player.current = null;
    setState(IDLE);
    mark(IDLE, undefined);
  }, [plan]);
  useEffect(() => () => player.current?.stop(), []);
  useEffect(() => mark(state, plan.paragraphs[state.index]?.text), [state, plan]);

  const ensure = (): ListenPlayer => {
    if (!player.current) {
      const voice = systemVoice(plan.lang);
      const source: VoiceSource = voice ? { kind: 'web', voice } : { kind: 'espeak', synthesize: speakParagraph };
      player.current = new ListenPlayer(plan.paragraphs, plan.lang, source, setState);
      player.current.setRate(rate);
    }
    return player.current;
  };
  const toggle = (): void => ensure().toggle();

  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const target = e.target as HTMLElement | null;
      if (e.key !== ' ' || state.status === 'idle' || target?.closest('input, textarea, select, button, [contenteditable="true"]')) return;
      e.preventDefault();
      player.current?.toggle();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [state.status]);

  if (plan.paragraphs.length === 0) return null;
  return (
    <ListenBar
      state={state}
      lang={plan.lang}
      rate={rate}
      paragraphs={plan.paragraphs.length}
      onToggle={toggle}
      onPrevious={() => ensure().previous()}
      onNext={() => ensure().next()}
      onStop={() => player.current?.stop()}
      onRate={(r) => {
        setRate(r);
        player.current?.setRate(r);
      }}
    />
  );
}
