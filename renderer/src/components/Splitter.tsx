/** A vertical pane splitter: drag with the pointer, or focus it and use the arrow keys, Home and End. */
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';

/** Props of Splitter. */
export interface SplitterProps {
  label: string;
  value: number;
  min: number;
  max: number;
  onChange: (value: number) => void;
  testId?: string;
}

/** Arrow-key step, in CSS pixels (Shift: five times as far). */
const STEP = 16;

/** A keyboard- and pointer-resizable separator between two panes. */
export function Splitter({ label, value, min, max, onChange, testId }: SplitterProps) {
  const drag = useRef<{ x: number; start: number; sign: number } | null>(null);
  const rtl = (): boolean => document.documentElement.dir === 'rtl';

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    const step = e.shiftKey ? STEP * 5 : STEP;
    // In a right-to-left window the pane grows towards the left, so the arrows swap meaning.
    const grow = rtl() ? 'ArrowLeft' : 'ArrowRight';
    const shrink = rtl() ? 'ArrowRight' : 'ArrowLeft';
    const next = e.key === grow ? value + step : e.key === shrink ? value - step : e.key === 'Home' ? min : e.key === 'End' ? max : null;
    if (next === null) return;
    e.preventDefault();
    onChange(Math.min(max, Math.max(min, next)));
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>): void => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, start: value, sign: rtl() ? -1 : 1 };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>): void => {
    const d = drag.current;
    if (d) onChange(Math.min(max, Math.max(min, d.start + d.sign * (e.clientX - d.x))));
  };
  const end = (): void => {
    drag.current = null;
  };
  return (
    <div
      className="splitter"
      role="separator"
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={value}
      aria-valuemin={min}
      aria-valuemax={max}
      tabIndex={0}
      data-testid={testId}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={end}
      onPointerCancel={end}
    />
  );
}
