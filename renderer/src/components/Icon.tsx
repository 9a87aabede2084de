/** Small stroke icons (24-unit grid, currentColor) for the icon buttons; always decorative. */

const PATHS = {
  bookmark: 'M6 3h12v18l-6-4-6 4z',
  bookmarkFilled: 'M6 3h12v18l-6-4-6 4z',
  read: 'M4 12l5 5L20 6',
  unread: 'M12 7a5 5 0 1 0 0.01 0',
  trash: 'M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13M10 11v6M14 11v6',
  restore: 'M4 12a8 8 0 1 0 2.3-5.6M4 4v5h5',
  text: 'M3 18l4.5-12L12 18M4.7 14h5.6M14 18l3-8 3 8M15 16h4',
  translate: 'M3 5h10M8 3v2M5 5c1 4 4 7 7 8M11 5c-1 4-4 7-7 8M13 21l4-9 4 9M14.5 18h5',
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  menu: 'M4 6h16M4 12h16M4 18h16',
  back: 'M15 5l-7 7 7 7',
  focus: 'M4 9V4h5M20 9V4h-5M4 15v5h5M20 15v5h-5',
  settings:
    'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM19.4 15a1.7 1.7 0 0 0 .3 1.8l.1.1a2 2 0 1 1-2.8 2.8l-.1-.1a1.7 1.7 0 0 0-1.8-.3 1.7 1.7 0 0 0-1 1.5V21a2 2 0 1 1-4 0v-.1a1.7 1.7 0 0 0-1.1-1.5 1.7 1.7 0 0 0-1.8.3l-.1.1a2 2 0 1 1-2.8-2.8l.1-.1a1.7 1.7 0 0 0 .3-1.8 1.7 1.7 0 0 0-1.5-1H3a2 2 0 1 1 0-4h.1a1.7 1.7 0 0 0 1.5-1.1 1.7 1.7 0 0 0-.3-1.8l-.1-.1a2 2 0 1 1 2.8-2.8l.1.1a1.7 1.7 0 0 0 1.8.3H9a1.7 1.7 0 0 0 1-1.5V3a2 2 0 1 1 4 0v.1a1.7 1.7 0 0 0 1 1.5 1.7 1.7 0 0 0 1.8-.3l.1-.1a2 2 0 1 1 2.8 2.8l-.1.1a1.7 1.7 0 0 0-.3 1.8V9a1.7 1.7 0 0 0 1.5 1H21a2 2 0 1 1 0 4h-.1a1.7 1.7 0 0 0-1.5 1z',
  warning: 'M12 3l10 18H2zM12 10v5M12 18h.01',
} as const;

/** The icons available. */
export type IconName = keyof typeof PATHS;

/** One icon, sized to the text (1.15em) and hidden from assistive technology. */
export function Icon({ name }: { name: IconName }) {
  const filled = name === 'bookmarkFilled' || name === 'unread';
  // Icons that mean a direction mirror in right-to-left windows (CSS: .icon-flip).
  const flip = name === 'back';
  return (
    <svg
      className={`icon${flip ? ' icon-flip' : ''}`}
      viewBox="0 0 24 24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={name === 'more' ? 3 : 2}
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
