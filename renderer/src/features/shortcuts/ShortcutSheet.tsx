/** The keyboard shortcut sheet (?). */
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { useUi } from '../../stores/ui';

/** The shortcut dialog. */
export function ShortcutSheet() {
  const { t } = useTranslation();
  const close = useUi((s) => s.closeDialog);
  const rows: [string[], string][] = [
    [['J'], t('shortcuts.next')],
    [['K'], t('shortcuts.previous')],
    [['O', 'Enter'], t('shortcuts.open')],
    [['B'], t('shortcuts.bookmark')],
    [['T'], t('shortcuts.tag')],
    [['M'], t('shortcuts.read')],
    [['L'], t('shortcuts.translation')],
    [['H'], t('marks.shortcut')],
    [['F'], t('reading.shortcutFocus')],
    [['S'], t('reading.shortcutSidebar')],
    [['/'], t('shortcuts.search')],
    [['?'], t('shortcuts.help')],
    [['Esc'], t('shortcuts.escape')],
  ];
  return (
    <Dialog title={t('shortcuts.title')} onClose={close} testId="shortcuts-dialog">
      <table className="kbd-table">
        <thead>
          <tr>
            <th scope="col">{t('shortcuts.key')}</th>
            <th scope="col">{t('shortcuts.action')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([keys, action]) => (
            <tr key={action}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ` ${t('shortcuts.or')} `}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Dialog>
  );
}
