/** Settings → Language packs, connected: asks the pack server when shown, downloads a pair in one click. */
import { useEffect } from 'react';
import { usePackSource } from '../../stores/packSource';
import { useSettings } from '../../stores/settings';
import { PackCatalog } from './PackCatalog';

/** The catalog with its store; `onChanged` runs after a download (the installed list changes). */
export function PackCatalogSection({ onChanged }: { onChanged: () => void }) {
  const { listing, listingError, download, loadListing, get, cancel } = usePackSource();
  const server = useSettings((s) => s.settings.packRegistryUrl);
  useEffect(() => {
    void loadListing();
  }, [loadListing, server]);
  const id = download ? `${download.from}-${download.to}` : '';
  return (
    <PackCatalog
      packs={listing?.packs ?? null}
      server={server}
      cachedAt={listing?.cached ? listing.fetchedAt : null}
      error={listingError}
      downloading={download ? { id, state: download.state } : null}
      onGet={(p) => void get(p.from, p.to).then(onChanged)}
      onCancel={() => void cancel()}
    />
  );
}
