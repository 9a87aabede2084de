/** Settings: a nav of sections (General, Reading & translation, Language packs, Feeds, Rules, Accounts, Storage) and the one shown. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';
import { AccountSettings } from '../sync/AccountSettings';
import { FeedSettings } from './FeedSettings';
import { GeneralSettings } from './GeneralSettings';
import { LanguagePackSettings } from './LanguagePackSettings';
import { RulesSettings } from './RulesSettings';
import { lastSection, rememberSection, type SectionId } from './sections';
import { panelId, SettingsNav, tabId } from './SettingsNav';
import { StorageSettings } from './StorageSettings';
import { TranslationSettings } from './TranslationSettings';
import '../../styles/settings.css';

function Section({ id }: { id: SectionId }) {
  switch (id) {
    case 'general':
      return <GeneralSettings />;
    case 'reading':
      return <TranslationSettings />;
    case 'packs':
      return <LanguagePackSettings />;
    case 'feeds':
      return <FeedSettings />;
    case 'rules':
      return <RulesSettings />;
    case 'accounts':
      return <AccountSettings />;
    case 'storage':
      return <StorageSettings />;
  }
}

/** The settings dialog. */
export function SettingsDialog() {
  const { t } = useTranslation();
  const error = useSettings((s) => s.error);
  const close = useUi((s) => s.closeDialog);
  const [current, setCurrent] = useState<SectionId>(lastSection);
  const select = (id: SectionId): void => {
    setCurrent(id);
    rememberSection(id);
  };
  return (
    <Dialog title={t('settings.title')} onClose={close} testId="settings-dialog" className="settings-dialog">
      <div className="settings-layout">
        <SettingsNav current={current} onSelect={select} />
        {/* Only the shown section is mounted: each loads what it needs (engines, rules, the account) when opened. */}
        <div className="settings-panel" role="tabpanel" id={panelId(current)} aria-labelledby={tabId(current)} data-testid={`settings-panel-${current}`} tabIndex={0}>
          <h3 className="settings-panel-title">{t(`settingsNav.${current}`)}</h3>
          <Section id={current} />
          <ErrorAlert error={error} lead={t('settings.saveFailed')} />
        </div>
      </div>
    </Dialog>
  );
}
