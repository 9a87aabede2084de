/**
 * The rule form (new rule, or editing one): the query, the actions (tags, bookmark, mark read),
 * Test ("this rule matches 42 articles") and Save. A malformed query shows its translated QUERY_* error under the field.
 */
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { errorInfo, errorMessage } from '../../i18n/errors';
import { useRules, type RuleDraft } from '../../stores/rules';
import { parseTags } from '../import/chooseFiles';

/** Props of RuleForm. */
export interface RuleFormProps {
  /** The rule being edited; a new rule when absent. */
  rule?: Rule;
  onDone: () => void;
  onCancel?: () => void;
}

/** Whether an error is about the query's syntax (shown under the query field, not as a general error). */
export function isQueryError(error: unknown): boolean {
  return errorInfo(error).code.startsWith('QUERY_');
}

/** The rule form. */
export function RuleForm({ rule, onDone, onCancel }: RuleFormProps) {
  const { t } = useTranslation();
  const { add, save, test } = useRules();
  const id = useId();
  const [query, setQuery] = useState(rule?.query ?? '');
  const [tags, setTags] = useState((rule?.actions.addTags ?? []).join(', '));
  const [bookmark, setBookmark] = useState(rule?.actions.bookmark ?? false);
  const [markRead, setMarkRead] = useState(rule?.actions.markRead ?? false);
  const [error, setError] = useState<unknown>(null);
  const [matches, setMatches] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  const draft = (): RuleDraft => {
    const addTags = parseTags(tags);
    return { query: query.trim(), actions: { ...(addTags.length ? { addTags } : {}), ...(bookmark ? { bookmark } : {}), ...(markRead ? { markRead } : {}) } };
  };
  const hasAction = parseTags(tags).length > 0 || bookmark || markRead;
  const run = (work: () => Promise<unknown>): void => {
    setBusy(true);
    setError(null);
    work()
      .catch(setError)
      .finally(() => setBusy(false));
  };
  const onTest = (): void => run(async () => setMatches(await test(query.trim())));
  const onSubmit = (e: FormEvent): void => {
    e.preventDefault();
    run(async () => {
      await (rule ? save(rule.id, draft()) : add(draft()));
      onDone();
    });
  };
  const queryError = isQueryError(error) ? error : null;
  return (
    <form className="rule-form" onSubmit={onSubmit} data-testid="rule-form" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{rule ? t('rules.editTitle') : t('rules.newTitle')}</h4>
      <div className="field">
        <label htmlFor={`${id}-query`}>{t('rules.query')}</label>
        <input
          id={`${id}-query`}
          className="input"
          dir="auto"
          required
          value={query}
          aria-invalid={queryError ? true : undefined}
          aria-describedby={queryError ? `${id}-error` : `${id}-hint`}
          onChange={(e) => {
            setQuery(e.target.value);
            setMatches(null);
            setError(null);
          }}
        />
        {queryError ? (
          <p id={`${id}-error`} role="alert" className="error-text" data-testid="rule-query-error">
            {errorMessage(t, queryError)}
          </p>
        ) : (
          <p id={`${id}-hint`} className="field-hint">
            {t('rules.queryHint')}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-tags`}>{t('rules.tags')}</label>
        <input id={`${id}-tags`} className="input" dir="auto" value={tags} onChange={(e) => setTags(e.target.value)} />
      </div>
      <div className="radio-row">
        <label>
          <input type="checkbox" checked={bookmark} onChange={(e) => setBookmark(e.target.checked)} /> {t('rules.bookmark')}
        </label>
        <label>
          <input type="checkbox" checked={markRead} onChange={(e) => setMarkRead(e.target.checked)} /> {t('rules.markRead')}
        </label>
      </div>
      {!hasAction && <p className="field-hint">{t('rules.needAction')}</p>}
      <p role="status" data-testid="rule-test-result" className="rule-matches">
        {matches !== null && t('rules.matches', { count: matches })}
      </p>
      {!queryError && <ErrorAlert error={error} />}
      <div className="radio-row">
        <button type="button" className="btn" disabled={busy || query.trim() === ''} onClick={onTest}>
          {t('rules.test')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || query.trim() === '' || !hasAction}>
          {rule ? t('rules.save') : t('rules.add')}
        </button>
        {onCancel && (
          <button type="button" className="btn" onClick={onCancel}>
            {t('rules.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
