/**
 * Coalesces a flood of requests into few runs: the first request runs `task` after `delayMs`;
 * requests while it waits or runs add nothing but one more run, `gapMs` after it ends. A refresh that
 * emits hundreds of changes thus costs a handful of re-reads, and the list keeps updating
 * during it (a debounce would wait for the flood to stop).
 */
export function coalesce(task: () => Promise<unknown>, delayMs: number, gapMs = delayMs): { request: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running = false;
  let again = false;
  let cancelled = false;

  const start = (wait: number): void => {
    timer = setTimeout(() => {
      timer = null;
      running = true;
      void task()
        .catch(() => undefined)
        .finally(() => {
          running = false;
          if (again && !cancelled) {
            again = false;
            start(gapMs);
          }
        });
    }, wait);
  };

  return {
    request: () => {
      if (cancelled) return;
      if (running) again = true;
      else if (!timer) start(delayMs);
    },
    cancel: () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}
