/** One rule in Settings → Rules: what it does in words, on/off, move up/down (or Alt+↑/↓), Test, Edit, Remove. */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Rule } from '../../../../preload/contract';
import { useRules } from '../../stores/rules';
import { ErrorAlert } from '../../components/ErrorAlert';

type T = ReturnType<typeof useTranslation>['t'];

/** "add tags politics, world · bookmark · mark as read" in the interface language. */
export function actionsText(t: T, rule: Pick<Rule, 'actions'>): string {
  const parts: string[] = [];
  if (rule.actions.addTags?.length) parts.push(t('rules.actionTags', { tags: rule.actions.addTags.join(', ') }));
  if (rule.actions.bookmark) parts.push(t('rules.actionBookmark'));
  if (rule.actions.markRead) parts.push(t('rules.actionRead'));
  return parts.join(' · ');
}

/** Props of RuleItem. */
export interface RuleItemProps {
  rule: Rule;
  index: number;
  count: number;
  onMove: (rule: Rule, to: number, via: 'up' | 'down') => void;
  onEdit: (rule: Rule) => void;
  onRemove: (rule: Rule) => void;
}

/** One rule row. */
export function RuleItem({ rule, index, count, onMove, onEdit, onRemove }: RuleItemProps) {
  const { t } = useTranslation();
  const setEnabled = useRules((s) => s.setEnabled);
  const test = useRules((s) => s.test);
  const [matches, setMatches] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const textId = `rule-text-${rule.id}`;
  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>): void => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    onMove(rule, e.key === 'ArrowUp' ? index - 1 : index + 1, e.key === 'ArrowUp' ? 'up' : 'down');
  };
  return (
    <li className={rule.enabled ? 'rule' : 'rule rule-off'} data-testid="rule" data-rule={rule.id} onKeyDown={onKeyDown}>
      <p className="rule-text" id={textId}>
        <span className="rule-order" aria-hidden="true">
          {index + 1}.
        </span>{' '}
        {t('rules.when')} <code dir="ltr">{rule.query}</code>: {actionsText(t, rule)}
      </p>
      <div className="rule-controls">
        <label>
          <input type="checkbox" checked={rule.enabled} aria-describedby={textId} onChange={(e) => void setEnabled(rule.id, e.target.checked)} /> {t('rules.enabled')}
        </label>
        <button type="button" className="btn btn-icon" data-move="up" disabled={index === 0} aria-label={t('rules.moveUp')} aria-describedby={textId} title={t('rules.moveUp')} onClick={() => onMove(rule, index - 1, 'up')}>
          <span aria-hidden="true">↑</span>
        </button>
        <button type="button" className="btn btn-icon" data-move="down" disabled={index === count - 1} aria-label={t('rules.moveDown')} aria-describedby={textId} title={t('rules.moveDown')} onClick={() => onMove(rule, index + 1, 'down')}>
          <span aria-hidden="true">↓</span>
        </button>
        <button type="button" className="btn" aria-describedby={textId} onClick={() => test(rule.query).then(setMatches, setError)}>
          {t('rules.test')}
        </button>
        <button type="button" className="btn" aria-describedby={textId} onClick={() => onEdit(rule)}>
          {t('rules.edit')}
        </button>
        <button type="button" className="btn" aria-describedby={textId} onClick={() => onRemove(rule)}>
          {t('rules.remove')}
        </button>
      </div>
      <p role="status" className="rule-matches" data-testid="rule-matches">
        {matches !== null && t('rules.matches', { count: matches })}
      </p>
      <ErrorAlert error={error} />
    </li>
  );
}
