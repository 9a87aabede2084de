/** Tag editing for one article from the list (the "t" shortcut). */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { addTags, knownMeta, removeTags } from '../../stores/actions';
import { useLibrary } from '../../stores/library';
import { useReader } from '../../stores/reader';
import { useKnownTags } from '../../stores/tags';
import { useUi } from '../../stores/ui';
import { TagEditor } from './TagEditor';

/** The tags dialog for article `id`. */
export function TagsDialog({ id }: { id: string }) {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const known = useKnownTags();
  // Subscribe to both stores so chips update as soon as main answers.
  useLibrary((s) => s.pages);
  useReader((s) => s.article);
  const meta = knownMeta(id);
  const title = meta ? meta.title || t('list.untitled') : '';
  return (
    <Dialog title={meta ? t('tags.editFor', { title }) : t('tags.editTitle')} onClose={close} testId="tags-dialog">
      {meta ? (
        <TagEditor tags={meta.tags} known={known} onAdd={(tag) => void addTags(id, [tag])} onRemove={(tag) => void removeTags(id, [tag])} autoFocus />
      ) : (
        <p>{t('tags.noNoSelection')}</p>
      )}
      <div className="actions">
        <button type="button" className="btn" onClick={close}>
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
