/** First run: what Kabar is, the three ways to add an article, and how to follow feeds. */
import { useTranslation } from 'react-i18next';
import { chooseAndImport } from '../import/chooseFiles';
import { useUi } from '../../stores/ui';

/** The welcome screen shown while the library is empty. */
export function Welcome() {
  const { t } = useTranslation();
  return (
    <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
      <h1 id="welcome-title">{t('welcome.title')}</h1>
      <p>{t('welcome.intro')}</p>
      <p>{t('welcome.how')}</p>
      <ol>
        <li>{t('welcome.paste')}</li>
        <li>{t('welcome.files')}</li>
        <li>{t('welcome.drop')}</li>
      </ol>
      <p>{t('welcome.feeds')}</p>
      <div className="actions welcome-actions">
        <button type="button" className="btn btn-primary" onClick={() => useUi.getState().openDialog({ kind: 'import' })}>
          {t('welcome.addButton')}
        </button>
        <button type="button" className="btn" onClick={() => void chooseAndImport(t)}>
          {t('welcome.filesButton')}
        </button>
        <button type="button" className="btn" onClick={() => useUi.getState().openDialog({ kind: 'subscribe' })}>
          {t('welcome.feedsButton')}
        </button>
      </div>
    </section>
  );
}
