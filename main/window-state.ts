/** Remembered window bounds: parsed defensively, and dropped when no display shows them any more. */

/** Bounds and maximized state as saved between runs. */
export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

/** A display's usable area. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The defaults for a first run. */
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

const MIN = { width: 640, height: 400 };

/** Reads saved state from JSON text; anything odd falls back to the defaults. */
export function parseWindowState(text: string | null, displays: readonly Area[]): WindowState {
  if (!text) return DEFAULT_WINDOW_STATE;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
  if (typeof raw !== 'object' || raw === null) return DEFAULT_WINDOW_STATE;
  const r = raw as Record<string, unknown>;
  const num = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
  const width = Math.max(MIN.width, num(r.width) ?? DEFAULT_WINDOW_STATE.width);
  const height = Math.max(MIN.height, num(r.height) ?? DEFAULT_WINDOW_STATE.height);
  const state: WindowState = { width, height, maximized: r.maximized === true };
  const x = num(r.x);
  const y = num(r.y);
  // A position on a display that was unplugged would open the window off screen.
  if (x !== undefined && y !== undefined && displays.some((d) => overlaps({ x, y, width, height }, d))) {
    state.x = x;
    state.y = y;
  }
  return state;
}

function overlaps(a: Area, b: Area): boolean {
  const margin = 50; // at least a grabbable strip of title bar must be visible
  return a.x + a.width - margin > b.x && a.x + margin < b.x + b.width && a.y >= b.y - margin && a.y + margin < b.y + b.height;
}
