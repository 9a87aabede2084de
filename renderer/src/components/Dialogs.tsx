/** Renders the one open dialog (the shell stays inert behind it). */
import { FeedDialog } from '../features/feeds/FeedDialog';
import { FolderDialog } from '../features/feeds/FolderDialog';
import { SubscribeDialog } from '../features/feeds/SubscribeDialog';
import { ImportDialog } from '../features/import/ImportDialog';
import { SettingsDialog } from '../features/settings/SettingsDialog';
import { ShortcutSheet } from '../features/shortcuts/ShortcutSheet';
import { TagManageDialog } from '../features/tags/TagManageDialog';
import { TagsDialog } from '../features/tags/TagsDialog';
import { useUi } from '../stores/ui';

/** The dialog host. */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog?.kind) {
    case 'import':
      return <ImportDialog />;
    case 'settings':
      return <SettingsDialog />;
    case 'shortcuts':
      return <ShortcutSheet />;
    case 'tags':
      return <TagsDialog key={dialog.id} id={dialog.id} />;
    case 'tag':
      return <TagManageDialog key={dialog.name} name={dialog.name} />;
    case 'subscribe':
      return <SubscribeDialog />;
    case 'feed':
      return <FeedDialog key={dialog.id} id={dialog.id} />;
    case 'folder':
      return <FolderDialog key={dialog.path.join('/')} path={dialog.path} />;
    default:
      return null;
  }
}
