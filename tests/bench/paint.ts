/** Shared by the benchmarks: the p-th percentile, and the in-page "painted" wait of the window ones. */

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

/**
 * Init script for the page: `window.__waitPainted(check)` resolves after `check()` holds and the
 * next frame has painted. tsx names functions with an __name helper; functions sent to
 * page.evaluate need it too, so it is defined here.
 */
export const WAIT_PAINTED = `window.__name = (f) => f;
window.__waitPainted = (check) => new Promise((resolve) => {
  const done = () => requestAnimationFrame(() => setTimeout(resolve, 0));
  if (check()) return done();
  const observer = new MutationObserver(() => { if (check()) { observer.disconnect(); done(); } });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
});`;
