/**
 * The native menu. Its labels come from a `MenuStrings` object so the renderer can hand
 * over translated strings (English until it does); every command item becomes a
 * `menu:command` event the renderer acts on.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuStrings } from '../preload/contract';

export type { MenuStrings } from '../preload/contract';

/** The labels until the renderer sends translated ones. */
export const ENGLISH_MENU: MenuStrings = {
  file: 'File',
  importFiles: 'Import Files…',
  importUrl: 'Import URL…',
  importOpml: 'Import Feeds from OPML…',
  exportOpml: 'Export Feeds as OPML…',
  exportLibrary: 'Export…',
  settings: 'Settings…',
  quit: 'Quit',
  edit: 'Edit',
  undo: 'Undo',
  redo: 'Redo',
  cut: 'Cut',
  copy: 'Copy',
  paste: 'Paste',
  selectAll: 'Select All',
  view: 'View',
  search: 'Search',
  reload: 'Reload',
  toggleDevTools: 'Toggle Developer Tools',
  resetZoom: 'Actual Size',
  zoomIn: 'Zoom In',
  zoomOut: 'Zoom Out',
  language: 'Language',
  help: 'Help',
  shortcuts: 'Keyboard Shortcuts',
};

/** Interface languages, each named in itself so a user lost in a foreign UI finds their own. */
export const MENU_LOCALES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'id', name: 'Bahasa Indonesia' },
  { code: 'ms', name: 'Bahasa Melayu' },
  { code: 'es', name: 'Español' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
  { code: 'ja', name: '日本語' },
  { code: 'zh-CN', name: '简体中文' },
  { code: 'ar', name: 'العربية' },
];

/** What the menu needs from the composition root. */
export interface MenuOptions {
  dev: boolean;
  mac: boolean;
  send: (command: MenuCommand) => void;
}

/** The menu template for a set of labels (separate from Menu so it stays easy to read and test). */
export function menuTemplate(s: MenuStrings, { dev, mac, send }: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, cmd: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => send(cmd),
  });
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  return [
    ...(mac ? [{ role: 'appMenu' } satisfies MenuItemConstructorOptions] : []),
    {
      label: s.file,
      submenu: [
        command(s.importFiles, 'import-files', 'CmdOrCtrl+O'),
        command(s.importUrl, 'import-url', 'CmdOrCtrl+Shift+O'),
        sep,
        command(s.importOpml, 'import-opml'),
        command(s.exportOpml, 'export-opml'),
        sep,
        command(s.exportLibrary, 'export-library'),
        sep,
        command(s.settings, 'settings', 'CmdOrCtrl+,'),
        ...(mac ? [] : [sep, { role: 'quit', label: s.quit } satisfies MenuItemConstructorOptions]),
      ],
    },
    {
      label: s.edit,
      submenu: [
        { role: 'undo', label: s.undo },
        { role: 'redo', label: s.redo },
        sep,
        { role: 'cut', label: s.cut },
        { role: 'copy', label: s.copy },
        { role: 'paste', label: s.paste },
        { role: 'selectAll', label: s.selectAll },
      ],
    },
    {
      label: s.view,
      submenu: [
        command(s.search, 'search', 'CmdOrCtrl+F'),
        sep,
        ...(dev
          ? [{ role: 'reload', label: s.reload } as const, { role: 'toggleDevTools', label: s.toggleDevTools } as const, sep]
          : []),
        { role: 'resetZoom', label: s.resetZoom },
        { role: 'zoomIn', label: s.zoomIn },
        { role: 'zoomOut', label: s.zoomOut },
      ],
    },
    {
      label: s.language,
      submenu: MENU_LOCALES.map(({ code, name }) => command(name, `locale:${code}`)),
    },
    {
      label: s.help,
      submenu: [command(s.shortcuts, 'shortcuts', 'CmdOrCtrl+/')],
    },
  ];
}

/** Installs the menu and returns a way to relabel it when the interface language changes. */
export function setupMenu(options: MenuOptions): { setStrings: (strings: MenuStrings) => void } {
  const apply = (strings: MenuStrings): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(strings, options)));
  };
  apply(ENGLISH_MENU);
  return { setStrings: apply };
}
