/** Shared jsdom set-up for renderer tests: i18n in English and the DOM APIs jsdom lacks. */
import { initI18n, i18n } from '../../renderer/src/i18n';

/** Initializes i18n (English) and stubs scrolling/layout APIs used by the list and reader. */
export async function setupDom(height = 600): Promise<void> {
  initI18n('en');
  if (i18n.language !== 'en') await i18n.changeLanguage('en');
  // A desktop window (jsdom says 1024): three panes, the sidebar in place rather than in a drawer.
  Object.defineProperty(window, 'innerWidth', { configurable: true, value: 1280 });
  Element.prototype.scrollTo = function scrollTo() {};
  Element.prototype.scrollIntoView = function scrollIntoView() {};
  // The virtualizer measures its scroll element; jsdom lays nothing out, so give it a viewport.
  for (const [prop, value] of [['offsetHeight', height], ['offsetWidth', 400], ['clientHeight', height], ['clientWidth', 400]] as const) {
    Object.defineProperty(HTMLElement.prototype, prop, { configurable: true, get: () => value });
  }
}
