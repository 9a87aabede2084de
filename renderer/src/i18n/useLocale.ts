/** The interface language, re-rendering on change (for Intl formatters). */
import { useTranslation } from 'react-i18next';

/** The current interface language tag. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return i18n.language || 'en';
}
