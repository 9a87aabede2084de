/**
 * Where Translate failed for want of a pack: finds what the pair needs (asking the pack server
 * once when no listing is saved), offers it in one click, and translates as soon as it is in.
 */
import { useEffect, useRef } from 'react';
import { usePackSource } from '../../stores/packSource';
import { useTranslate } from '../../stores/translate';
import { PackOffer } from './PackOffer';

/** Props of PackOfferSlot. */
export interface PackOfferSlotProps {
  articleId: string;
  from: string;
  to: string;
}

/** The pack offer for one article's pair, or nothing when no pack can help. */
export function PackOfferSlot({ articleId, from, to }: PackOfferSlotProps) {
  const targets = usePackSource((s) => s.targets[from]);
  const download = usePackSource((s) => s.download);
  const listingError = usePackSource((s) => s.listingError);
  const asked = useRef<string | null>(null);
  useEffect(() => {
    const key = `${from}>${to}`;
    if (asked.current === key) return;
    asked.current = key;
    const { loadTargets, loadListing } = usePackSource.getState();
    void loadTargets(from).then(async (list) => {
      // No saved listing knows this pair yet: ask the server once, then look again.
      if (!list.some((t) => t.lang === to && !t.ready)) {
        await loadListing();
        await loadTargets(from);
      }
    });
  }, [from, to]);
  const need = targets?.find((t) => t.lang === to && !t.ready && t.packs.length > 0);
  const mine = download && download.from === from && download.to === to ? download.state : null;
  if (!need) {
    // Offline with no saved listing: still say that the download will work when online.
    return listingError && !targets?.some((t) => t.lang === to) ? <PackOffer from={from} to={to} need={{ packs: [], bytes: 0 }} state={{ status: 'failed', error: listingError }} onDownload={() => void usePackSource.getState().loadListing()} onCancel={() => undefined} hideButton /> : null;
  }
  const onDownload = async (): Promise<void> => {
    if (await usePackSource.getState().get(from, to)) await useTranslate.getState().translate(articleId, to);
  };
  return <PackOffer from={from} to={to} need={need} state={mine ?? { status: 'idle' }} onDownload={() => void onDownload()} onCancel={() => void usePackSource.getState().cancel()} />;
}
