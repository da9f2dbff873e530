/** The six desks (作業區) in the order of the navigation and of Alt+1…Alt+6. */
import type { MessageKey } from '../../domain/i18n';

export const DESKS = ['maintenance', 'venues', 'parking', 'vehicles', 'reports', 'settings'] as const;
export type Desk = (typeof DESKS)[number];

export const DESK_LABEL: Record<Desk, MessageKey> = {
  maintenance: 'nav.maintenance',
  venues: 'nav.venues',
  parking: 'nav.parking',
  vehicles: 'nav.vehicles',
  reports: 'nav.reports',
  settings: 'nav.settings',
};

export function isDesk(value: unknown): value is Desk {
  return typeof value === 'string' && (DESKS as readonly string[]).includes(value);
}
