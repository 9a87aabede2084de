/** Settings → Rules: the rules in the order they run, a form to add or edit one, Undo after Remove, and "apply now". */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRules, type RemovedRule } from '../../stores/rules';
import { RuleForm } from './RuleForm';
import { RuleItem } from './RuleItem';

/** Focuses the moved rule's same button again (React moves the row, which takes the focus away), or its row's first control. */
function refocus(id: string, via: 'up' | 'down'): void {
  const row = [...document.querySelectorAll<HTMLElement>('[data-rule]')].find((el) => el.dataset.rule === id);
  const button = row?.querySelector<HTMLButtonElement>(`[data-move="${via}"]`);
  (button && !button.disabled ? button : row?.querySelector<HTMLElement>('input, button:not([disabled])'))?.focus();
}

/** The rules section. */
export function RulesSettings() {
  const { t } = useTranslation();
  const { rules, error, load, move, remove, restore, apply } = useRules();
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const [removed, setRemoved] = useState<RemovedRule | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const [applying, setApplying] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const onMove = (rule: Rule, to: number, via: 'up' | 'down'): void => {
    void move(rule.id, to).then(() => refocus(rule.id, via));
  };
  const onRemove = (rule: Rule): void => {
    void remove(rule.id).then((r) => r && setRemoved(r));
  };
  const onApply = (): void => {
    setApplying(true);
    setApplied(null);
    void apply(null)
      .then((report) => report && setApplied(report.changed))
      .finally(() => setApplying(false));
  };
  const list = rules ?? [];
  return (
    <div className="settings-group" data-testid="rules-settings">
      <p className="field-hint">{t('rules.intro')}</p>
      {rules === null && !error && <p role="status">{t('rules.loading')}</p>}
      {rules !== null && list.length === 0 && <p>{t('rules.empty')}</p>}
      {list.length > 0 && (
        <ol className="rule-list" aria-label={t('settingsNav.rules')}>
          {list.map((rule, i) =>
            editing !== 'new' && editing?.id === rule.id ? (
              <li key={rule.id} className="rule">
                <RuleForm rule={rule} onDone={() => setEditing(null)} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <RuleItem key={rule.id} rule={rule} index={i} count={list.length} onMove={onMove} onEdit={setEditing} onRemove={onRemove} />
            ),
          )}
        </ol>
      )}
      <p role="status" className="rule-removed">
        {removed && (
          <>
            {t('rules.removed')}{' '}
            <button type="button" className="btn" onClick={() => void restore(removed).then(() => setRemoved(null))}>
              {t('rules.undo')}
            </button>
          </>
        )}
      </p>
      <ErrorAlert error={error} />
      {editing === 'new' || (rules !== null && list.length === 0) ? (
        <RuleForm onDone={() => setEditing(null)} {...(list.length > 0 ? { onCancel: () => setEditing(null) } : {})} />
      ) : (
        <div className="radio-row">
          <button type="button" className="btn" onClick={() => setEditing('new')} data-testid="rule-new">
            {t('rules.new')}
          </button>
          <button type="button" className="btn" disabled={applying || list.length === 0} onClick={onApply} data-testid="rules-apply">
            {t('rules.apply')}
          </button>
        </div>
      )}
      <p role="status" data-testid="rules-applied">
        {applied !== null && t('rules.applied', { count: applied })}
      </p>
    </div>
  );
}
