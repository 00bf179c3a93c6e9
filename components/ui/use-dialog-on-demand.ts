'use client';

import { useCallback, useState } from 'react';

/**
 * The state of a dialog whose code is loaded on first use: it is mounted from its first opening on (not before, so
 * its code is not fetched with the page; not unmounted when closed, so the native dialog hands focus back and keeps
 * what was typed).
 */
export function useDialogOnDemand() {
  const [state, setState] = useState<'never-opened' | 'open' | 'closed'>('never-opened');
  const show = useCallback(() => setState('open'), []);
  const close = useCallback(() => setState('closed'), []);
  return { open: state === 'open', mounted: state !== 'never-opened', show, close };
}
