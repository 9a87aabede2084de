/**
 * The reader's Listen controls: play/pause, previous and next paragraph, speed, stop; the state
 * line says what is happening (preparing the voice, no voice for this language). Presentational:
 * the listen store owns the player and passes its state in.
 */
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorInfo } from '../../i18n/errors';
import { languageName } from '../../i18n/format';
import { useLocale } from '../../i18n/useLocale';
import type { ListenState } from './player';
import '../../styles/listen.css';

/** Speeds offered (1 = normal). */
export const SPEEDS = [0.75, 1, 1.25, 1.5, 2] as const;

/** Props of ListenBar. */
export interface ListenBarProps {
  state: ListenState;
  lang: string;
  rate: number;
  paragraphs: number;
  onToggle: () => void;
  onPrevious: () => void;
  onNext: () => void;
  onStop: () => void;
  onRate: (rate: number) => void;
}

/** Listen controls for the open article. */
export function ListenBar({ state, lang, rate, paragraphs, onToggle, onPrevious, onNext, onStop, onRate }: ListenBarProps) {
  const { t } = useTranslation();
  const locale = useLocale();
  const playing = state.status === 'playing' || state.status === 'loading';
  const noVoice = state.status === 'error' && errorInfo(state.error).code === 'NO_VOICE';
  const speed = (r: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(r) + '×';
  return (
    <section className="listen-bar" aria-label={t('listen.label')} data-testid="listen-bar">
      <button type="button" className="btn" aria-keyshortcuts="Space" data-testid="listen-toggle" onClick={onToggle}>
        {playing ? t('listen.pause') : state.status === 'paused' ? t('listen.resume') : t('listen.listen')}
      </button>
      {/* Until playback starts only Listen shows, so the control row stays one row at every size. */}
      {state.status !== 'idle' && (
        <>
      <button type="button" className="btn listen-skip" data-testid="listen-previous" aria-label={t('listen.previous')} title={t('listen.previous')} disabled={state.index <= 0} onClick={onPrevious}>
        ⏮
      </button>
      <button type="button" className="btn listen-skip" data-testid="listen-next" aria-label={t('listen.next')} title={t('listen.next')} disabled={state.index >= paragraphs - 1} onClick={onNext}>
        ⏭
      </button>
      <label className="listen-speed">
        <span>{t('listen.speed')}</span>
        <select className="select" data-testid="listen-speed" value={rate} onChange={(e) => onRate(Number(e.target.value))}>
          {SPEEDS.map((r) => (
            <option key={r} value={r}>
              {speed(r)}
            </option>
          ))}
        </select>
      </label>
        </>
      )}
      {state.status !== 'idle' && (
        <button type="button" className="btn" data-testid="listen-stop" onClick={onStop}>
          {t('listen.stop')}
        </button>
      )}
      <span role="status" className="field-hint" data-testid="listen-status">
        {state.status === 'loading' ? t('listen.loading') : state.status !== 'idle' && state.status !== 'error' ? t('listen.position', { n: state.index + 1, total: paragraphs }) : ''}
      </span>
      {noVoice ? (
        <p role="alert" className="error-text" data-testid="listen-no-voice">
          {t('listen.noVoice', { language: languageName(lang, locale) ?? lang })}
        </p>
      ) : (
        state.status === 'error' && <ErrorAlert error={state.error} />
      )}
    </section>
  );
}
