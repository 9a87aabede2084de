/** The native menu's labels in the interface language (exactly the MenuStrings fields). */
import type { TFunction } from 'i18next';
import type { MenuStrings } from '../../../preload/contract';

/** Translated menu labels for `api.setMenuStrings`. */
export function menuStrings(t: TFunction): MenuStrings {
  return {
    file: t('menu.file'),
    importFiles: t('menu.importFiles'),
    importUrl: t('menu.importUrl'),
    importOpml: t('menu.importOpml'),
    exportOpml: t('menu.exportOpml'),
    exportLibrary: t('menu.exportLibrary'),
    settings: t('menu.settings'),
    quit: t('menu.quit'),
    edit: t('menu.edit'),
    undo: t('menu.undo'),
    redo: t('menu.redo'),
    cut: t('menu.cut'),
    copy: t('menu.copy'),
    paste: t('menu.paste'),
    selectAll: t('menu.selectAll'),
    view: t('menu.view'),
    search: t('menu.search'),
    reload: t('menu.reload'),
    toggleDevTools: t('menu.toggleDevTools'),
    resetZoom: t('menu.resetZoom'),
    zoomIn: t('menu.zoomIn'),
    zoomOut: t('menu.zoomOut'),
    language: t('menu.language'),
    help: t('menu.help'),
    shortcuts: t('menu.shortcuts'),
  };
}
