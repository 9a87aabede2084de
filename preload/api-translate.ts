/** Bridge methods for the translation (issue 5) channels; bundled into preload/index.cjs. */
import type { FolderDialogStrings, TranslateEvents, TranslateInvoke, Wire } from './contract';

type Invoker = <C extends keyof TranslateInvoke>(channel: C, ...args: Parameters<TranslateInvoke[C]>) => Promise<Wire<ReturnType<TranslateInvoke[C]>>>;

/** The translation (issue 5) events the bridge lets the renderer subscribe to. */
export const TRANSLATE_EVENTS: Readonly<Record<keyof TranslateEvents, true>> = {
  'translate:progress': true,
  'packs:progress': true,
};

/** Named methods for the translation (issue 5) channels. */
export function translateApi(invoke: Invoker) {
  return {
    translationEngines: () => invoke('translate:engines'),
    translateArticle: (id: string, to: string, engine: string | null) => invoke('translate:article', id, to, engine),
    cancelTranslation: (id: string) => invoke('translate:cancel', id),
    setSourceLang: (id: string, lang: string) => invoke('translate:setSourceLang', id, lang),
    installPackFromFolder: (strings: FolderDialogStrings) => invoke('packs:installFolder', strings),
    installPackFromUrl: (url: string, packId: string | null) => invoke('packs:installUrl', url, packId),
    removePack: (packId: string) => invoke('packs:remove', packId),
  };
}
