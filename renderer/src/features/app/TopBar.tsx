/** The top bar: name, Add, search, connection state, shortcuts and settings. */
import { useTranslation } from 'react-i18next';
import { SearchBox } from '../search/SearchBox';
import { useUi } from '../../stores/ui';
import { OfflineIndicator } from '../../components/OfflineIndicator';

/** The application's top bar. */
export function TopBar() {
  const { t } = useTranslation();
  const open = useUi((s) => s.openDialog);
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
      <h1 className="brand">{t('app.name')}</h1>
      <button type="button" className="btn btn-primary" title={t('toolbar.addTitle')} onClick={() => open({ kind: 'import' })}>
        <span aria-hidden="true">+</span>
        {t('toolbar.add')}
      </button>
      <SearchBox />
      <span className="spacer" />
      <OfflineIndicator />
      <button type="button" className="btn btn-icon" aria-label={t('toolbar.shortcuts')} title={t('toolbar.shortcuts')} onClick={() => open({ kind: 'shortcuts' })}>
        <span aria-hidden="true">?</span>
      </button>
      <button type="button" className="btn" onClick={() => open({ kind: 'settings' })}>
        <span aria-hidden="true">⚙</span>
        {t('toolbar.settings')}
      </button>
    </header>
  );
}
