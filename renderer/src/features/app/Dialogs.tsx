/** Renders the one open dialog (the shell stays inert behind it). */
import { ExportDialog } from '../export/ExportDialog';
import { FeedDialog } from '../feeds/FeedDialog';
import { FolderDialog } from '../feeds/FolderDialog';
import { SubscribeDialog } from '../feeds/SubscribeDialog';
import { ImportDialog } from '../import/ImportDialog';
import { MigrateDialog } from '../migrate/MigrateDialog';
import { SettingsDialog } from '../settings/SettingsDialog';
import { ShortcutSheet } from '../shortcuts/ShortcutSheet';
import { TagManageDialog } from '../tags/TagManageDialog';
import { TagsDialog } from '../tags/TagsDialog';
import { useUi } from '../../stores/ui';

/** The dialog host. */
export function Dialogs() {
  const dialog = useUi((s) => s.dialog);
  switch (dialog?.kind) {
    case 'import':
      return <ImportDialog />;
    case 'migrate':
      return <MigrateDialog />;
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
    case 'export':
      return <ExportDialog />;
    case 'folder':
      return <FolderDialog key={dialog.path.join('/')} path={dialog.path} />;
    default:
      return null;
  }
}
