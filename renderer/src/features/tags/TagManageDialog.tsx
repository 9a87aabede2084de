/** Rename or merge one tag, from its menu button in the sidebar. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { mergeTags, renameTag, useKnownTags } from '../../stores/tags';
import { useUi } from '../../stores/ui';
import { ErrorAlert } from '../../components/ErrorAlert';

/** The dialog for tag `name`. */
export function TagManageDialog({ name }: { name: string }) {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const others = useKnownTags().filter((tag) => tag.toLocaleLowerCase() !== name.toLocaleLowerCase());
  const [newName, setNewName] = useState(name);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<void>): void => {
    setBusy(true);
    setError(null);
    action().then(close, (e: unknown) => {
      setError(e);
      setBusy(false);
    });
  };

  return (
    <Dialog title={t('tags.manageTitle', { tag: name })} onClose={close} testId="tag-manage-dialog">
      <form
        className="field"
        onSubmit={(e) => {
          e.preventDefault();
          const to = newName.replace(/\s+/g, ' ').trim();
          if (to && to !== name) run(() => renameTag(name, to));
        }}
      >
        <label htmlFor="tag-rename">{t('tags.renameLabel')}</label>
        <div className="radio-row">
          <input id="tag-rename" className="input" type="text" value={newName} onChange={(e) => setNewName(e.target.value)} />
          <button type="submit" className="btn btn-primary" disabled={busy || !newName.trim() || newName.trim() === name}>
            {t('tags.rename')}
          </button>
        </div>
      </form>
      {others.length > 0 && (
        <form
          className="field"
          onSubmit={(e) => {
            e.preventDefault();
            if (target) run(() => mergeTags([name], target));
          }}
        >
          <label htmlFor="tag-merge">{t('tags.mergeLabel')}</label>
          <p id="tag-merge-hint" className="field-hint">
            {t('tags.mergeHint', { tag: name })}
          </p>
          <div className="radio-row">
            <select id="tag-merge" className="select" aria-describedby="tag-merge-hint" value={target} onChange={(e) => setTarget(e.target.value)}>
              <option value="">{t('tags.mergeChoose')}</option>
              {others.map((tag) => (
                <option key={tag} value={tag}>
                  {tag}
                </option>
              ))}
            </select>
            <button type="submit" className="btn" disabled={busy || !target}>
              {t('tags.merge')}
            </button>
          </div>
        </form>
      )}
      <ErrorAlert error={error} />
    </Dialog>
  );
}
