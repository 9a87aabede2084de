/** When the window comes back online, the images saved articles are missing are fetched (`images:fetchPending`). */
import { useEffect } from 'react';
import { fetchPendingImages } from '../../stores/images';

/** Listens for the browser's `online` event for as long as the app is shown. */
export function useFetchImagesOnline(): void {
  useEffect(() => {
    const onOnline = (): void => void fetchPendingImages();
    window.addEventListener('online', onOnline);
    return () => window.removeEventListener('online', onOnline);
  }, []);
}
