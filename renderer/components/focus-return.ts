/**
 * A drawer that gives the focus back to what opened it (the row's number button) only
 * when nothing else has taken it meanwhile. antd hands it back once the drawer has
 * finished sliding out, whatever holds the focus by then: Esc and then Ctrl+N at once
 * opened the new-ticket form, its first field got the focus, and the closing drawer took
 * it away again a moment later.
 *
 *   const focusReturn = useFocusReturn(open, 'maint-ticket-drawer');
 *   <Drawer open={open} rootClassName="maint-ticket-drawer" {...focusReturn}>…</Drawer>
 */
import { useCallback, useLayoutEffect, useRef } from 'react';

export function useFocusReturn(open: boolean, rootClassName: string) {
  const trigger = useRef<HTMLElement | null>(null);
  // Before the drawer's own effect moves the focus into it.
  useLayoutEffect(() => {
    if (open) trigger.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  }, [open]);
  const afterOpenChange = useCallback(
    (nowOpen: boolean) => {
      if (nowOpen) return;
      const back = trigger.current;
      trigger.current = null;
      const active = document.activeElement;
      const unclaimed = !active || active === document.body || !!active.closest(`.${rootClassName}`);
      if (back?.isConnected && unclaimed) back.focus({ preventScroll: true });
    },
    [rootClassName],
  );
  return { focusable: { focusTriggerAfterClose: false }, afterOpenChange } as const;
}
