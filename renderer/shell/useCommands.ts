/** The palette's commands: the user's desks and each desk's own, lock, switch user, language, sign out. */
import { useMemo } from 'react';
import type { Locale } from '../../domain/dates';
import { translate } from '../../domain/i18n';
import type { DeskEntry } from '../app/desks';
import { useLocale, useT } from '../app/i18n';
import { useShell } from '../app/store';
import { shortcutLabel } from '../components/shortcuts';
import type { Command } from './commands';

export function deskShortcut(index: number) {
  return { code: `Digit${index + 1}`, alt: true };
}

export const PALETTE_SHORTCUTS = [
  { code: 'KeyK', ctrl: true },
  { code: 'KeyP', ctrl: true, shift: true },
];

export function useCommands(report: (message: string) => void, desks: readonly DeskEntry[]): Command[] {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const other: Locale = locale === 'zh-TW' ? 'en' : 'zh-TW';
  const { goTo, lock, logout, setLocale } = useShell.getState();

  return useMemo(() => {
    const inOther = (key: Parameters<typeof translate>[1], params?: Record<string, string>) => translate(other, key, params);
    const fail = (done: { ok: boolean; message?: string }) => {
      if (!done.ok && done.message) report(done.message);
    };
    const goto: Command[] = desks.map((desk, i) => ({
      id: `goto.${desk.id}`,
      label: t('palette.goto', { place: t(desk.label) }),
      aliases: [inOther('palette.goto', { place: inOther(desk.label) }), desk.id],
      hint: shortcutLabel(deskShortcut(i)),
      run: () => goTo(desk.id),
    }));
    const languageName = t(`shell.language.${other}`);
    return [
      ...goto,
      ...desks.flatMap((d) => d.commands?.(locale, other) ?? []).map((c) => (c.key && !c.hint ? { ...c, hint: shortcutLabel(c.key) } : c)),
      { id: 'lock', label: t('palette.lock'), aliases: [inOther('palette.lock')], run: () => void lock().then(fail) },
      { id: 'switchUser', label: t('palette.switchUser'), aliases: [inOther('palette.switchUser')], run: () => void logout().then(fail) },
      {
        id: 'language',
        label: t('shell.palette.languageTo', { language: languageName }),
        aliases: [t('palette.language'), inOther('palette.language'), inOther('shell.palette.languageTo', { language: languageName })],
        run: () => void setLocale(other).then(fail),
      },
      { id: 'logout', label: t('shell.palette.logout'), aliases: [inOther('shell.palette.logout')], run: () => void logout().then(fail) },
    ];
  }, [t, locale, other, goTo, lock, logout, setLocale, report, desks]);
}
