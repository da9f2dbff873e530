/**
 * The maintenance desk's shortcut and palette commands: Ctrl+N files a new ticket from
 * anywhere in the desk; the palette offers 新增報修單, 我的工作 and 報修單 in both languages.
 */
import type { Locale } from '../../domain/dates';
import { translate, type MessageKey } from '../../domain/i18n';
import { useShell } from '../app/store';
import { shortcutLabel } from '../components/shortcuts';
import type { Command } from '../shell/commands';
import { useMaintenance, type MaintenanceTab } from './store';

export const NEW_TICKET_SHORTCUT = { code: 'KeyN', ctrl: true } as const;

/** Opens the maintenance desk at a tab (and the new-ticket form, if asked). */
export function openMaintenance(tab: MaintenanceTab, newTicket = false): void {
  useShell.getState().goTo('maintenance');
  useMaintenance.setState({ tab, ...(newTicket ? { newOpen: true } : {}) });
}

export function maintenanceCommands(locale: Locale, other: Locale): Command[] {
  const cmd = (id: string, key: MessageKey, run: () => void, hint?: string): Command => ({
    id,
    label: translate(locale, key),
    aliases: [translate(other, key)],
    hint,
    run,
  });
  return [
    cmd('maintenance.newTicket', 'maint.palette.new', () => openMaintenance('tickets', true), shortcutLabel(NEW_TICKET_SHORTCUT)),
    cmd('maintenance.tickets', 'maint.palette.tickets', () => openMaintenance('tickets')),
    cmd('maintenance.myWork', 'maint.palette.myWork', () => openMaintenance('myWork')),
  ];
}
