/** The top bar: sidebar toggle (drawer layouts), name, Add, search, connection state, focus mode, shortcuts and settings. */
import { useTranslation } from 'react-i18next';
import { Icon } from '../../components/Icon';
import { OfflineIndicator } from '../../components/OfflineIndicator';
import { useLayout, type LayoutMode } from '../../stores/layout';
import { useUi } from '../../stores/ui';
import { SearchBox } from '../search/SearchBox';

/** The application's top bar. */
export function TopBar({ mode }: { mode: LayoutMode }) {
  const { t } = useTranslation();
  const open = useUi((s) => s.openDialog);
  const { drawerOpen, focus, toggleDrawer, toggleFocus } = useLayout();
  return (
    <header className="topbar">
      <a
        className="skip-link"
        href="#list-pane"
        onClick={(e) => {
          // Focus moves without the window navigating (the shell refuses navigation).
          e.preventDefault();
          document.getElementById('list-pane')?.focus();
        }}
      >
        {t('app.skipToList')}
      </a>
      {mode !== 'wide' && (
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('layout.toggleSidebar')}
          title={t('layout.toggleSidebarTitle')}
          aria-expanded={drawerOpen}
          aria-controls="sidebar-drawer"
          aria-keyshortcuts="S"
          data-testid="drawer-toggle"
          onClick={() => toggleDrawer()}
        >
          <Icon name="menu" />
        </button>
      )}
      <h1 className="brand">{t('app.name')}</h1>
      <button type="button" className="btn btn-primary" title={t('toolbar.addTitle')} onClick={() => open({ kind: 'import' })}>
        <span aria-hidden="true">+</span>
        {t('toolbar.add')}
      </button>
      <SearchBox />
      <OfflineIndicator />
      <button
        type="button"
        className="btn btn-icon"
        aria-label={t('layout.focusMode')}
        title={t('layout.focusModeTitle')}
        aria-pressed={focus}
        aria-keyshortcuts="F"
        data-testid="focus-toggle"
        onClick={() => toggleFocus()}
      >
        <Icon name="focus" />
      </button>
      <button type="button" className="btn btn-icon" aria-label={t('toolbar.shortcuts')} title={t('toolbar.shortcuts')} onClick={() => open({ kind: 'shortcuts' })}>
        <span aria-hidden="true">?</span>
      </button>
      <button type="button" className="btn btn-icon" aria-label={t('toolbar.settings')} title={t('toolbar.settings')} data-testid="settings-button" onClick={() => open({ kind: 'settings' })}>
        <Icon name="settings" />
      </button>
    </header>
  );
}
