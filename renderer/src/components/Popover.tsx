/** A disclosure popover: a button that opens a small panel below it; Escape or a click outside closes it. */
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** Props of Popover. */
export interface PopoverProps {
  /** The button's accessible name and tooltip. */
  label: string;
  /** The button's face (an icon). */
  face: ReactNode;
  children: (close: () => void) => ReactNode;
  testId?: string;
  /** Align the panel with the button's end edge (for buttons at the end of a row). */
  alignEnd?: boolean;
}

/** An icon button with a panel of further controls. */
export function Popover({ label, face, children, testId, alignEnd }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      // Escape closes the panel only, not what listens further up (search, dialogs).
      e.preventDefault();
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('mousedown', onDown);
    root.current?.addEventListener('keydown', onKey);
    const el = root.current;
    return () => {
      document.removeEventListener('mousedown', onDown);
      el?.removeEventListener('keydown', onKey);
    };
  }, [open]);
  const close = (): void => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div className="popover" ref={root}>
      <button
        ref={button}
        type="button"
        className="btn btn-icon"
        aria-label={label}
        title={label}
        aria-expanded={open}
        aria-controls={id}
        data-testid={testId}
        onClick={() => setOpen(!open)}
      >
        {face}
      </button>
      <div id={id} className={`popover-panel${alignEnd ? ' popover-end' : ''}`} hidden={!open} data-testid={testId ? `${testId}-panel` : undefined}>
        {open && children(close)}
      </div>
    </div>
  );
}
