/** Loads the feed list once and follows main's feed events (progress, changes) and library changes (unread counts). */
import { useEffect } from 'react';
import { followFeedEvents } from '../../stores/events';

/** Subscribes the feeds store to main's events for the component's lifetime. */
export function useFeedEvents(): void {
  useEffect(followFeedEvents, []);
}
