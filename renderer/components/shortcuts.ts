/**
 * Window-wide keyboard shortcuts (Alt+1…6, Ctrl+K…). Keys are matched by physical key
 * (`code`), so Alt+1 works on every keyboard layout and with the IME switched on; a
 * keystroke that belongs to an IME composition never fires one.
 */
import { useEffect, useRef } from 'react';
import { isComposing } from './ime';

export interface Shortcut {
  /** KeyboardEvent.code: 'Digit1', 'KeyK', 'KeyP' … */
  code: string;
  ctrl?: boolean;
  alt?: boolean;
  shift?: boolean;
  run(): void;
}

export function matchesShortcut(e: KeyboardEvent, s: Shortcut): boolean {
  // Cmd stands in for Ctrl on a Mac.
  const ctrl = e.ctrlKey || e.metaKey;
  return e.code === s.code && ctrl === !!s.ctrl && e.altKey === !!s.alt && e.shiftKey === !!s.shift;
}

/** Listens while `enabled`; the newest `shortcuts` are used without re-subscribing. */
export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  }, [shortcuts]);

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.repeat || isComposing(e)) return;
      const hit = latest.current.find((s) => matchesShortcut(e, s));
      if (!hit) return;
      e.preventDefault();
      hit.run();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled]);
}

/** How a shortcut is written on screen: key names are the same in both languages. */
export function shortcutLabel(s: Pick<Shortcut, 'code' | 'ctrl' | 'alt' | 'shift'>): string {
  const key = s.code.replace(/^Digit|^Key/, '');
  return [s.ctrl && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', key].filter(Boolean).join('+');
}
