/** The reader's text settings (size and typeface), shown in the toolbar's popover. */
import { useTranslation } from 'react-i18next';
import { stepFontSize, useSettings, FONT_MAX, FONT_MIN } from '../../stores/settings';

/** Text size and typeface controls. */
export function TextSettings() {
  const { t } = useTranslation();
  const { fontSize, fontFamily } = useSettings((s) => s.settings);
  const update = useSettings((s) => s.update);
  return (
    <div className="text-settings">
      <div className="segmented" role="group" aria-label={t('reader.fontSize')}>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('reader.fontSmaller')}
          title={t('reader.fontSmaller')}
          disabled={fontSize <= FONT_MIN}
          onClick={() => void update({ fontSize: stepFontSize(fontSize, -1) })}
        >
          <span aria-hidden="true" className="a-small">A</span>
        </button>
        <button
          type="button"
          className="btn btn-icon"
          aria-label={t('reader.fontLarger')}
          title={t('reader.fontLarger')}
          disabled={fontSize >= FONT_MAX}
          onClick={() => void update({ fontSize: stepFontSize(fontSize, 1) })}
        >
          <span aria-hidden="true" className="a-large">A</span>
        </button>
      </div>
      <div className="segmented" role="group" aria-label={t('reader.fontFamily')}>
        <button type="button" className="btn" aria-pressed={fontFamily === 'serif'} onClick={() => void update({ fontFamily: 'serif' })}>
          {t('reader.fontSerif')}
        </button>
        <button type="button" className="btn" aria-pressed={fontFamily === 'sans'} onClick={() => void update({ fontFamily: 'sans' })}>
          {t('reader.fontSans')}
        </button>
      </div>
    </div>
  );
}
