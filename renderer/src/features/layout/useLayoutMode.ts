/** The window's layout class, following resizes. */
import { useEffect, useState } from 'react';
import { layoutFor, type LayoutMode } from '../../stores/layout';

/** The current layout class ('wide', 'medium' or 'narrow'). */
export function useLayoutMode(): LayoutMode {
  const [mode, setMode] = useState<LayoutMode>(() => layoutFor(window.innerWidth));
  useEffect(() => {
    const onResize = (): void => setMode(layoutFor(window.innerWidth));
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return mode;
}
