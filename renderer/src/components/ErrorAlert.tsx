/** A failed action's message in the interface language, announced as an alert; nothing when there is no error. */
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../i18n/errors';

/** Shows `error` (a UserError or an Error) after an optional lead sentence. */
export function ErrorAlert({ error, lead }: { error: unknown; lead?: string }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <p role="alert" className="error-text">
      {lead ? `${lead} ` : ''}
      {errorMessage(t, error)}
    </p>
  );
}
