/** How tickets read on screen: status tags, priority marks, names of people and places, times. */
import { Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { formatInstant } from '../../domain/dates';
import type { TicketPriority, TicketStatus } from '../../domain/maintenance/tickets';
import { isOverdue } from '../../domain/maintenance/tickets';
import { useLocale, useT } from '../app/i18n';
import { placePath } from '../app/places-logic';
import { nameOf } from '../../domain/i18n';
import { usePlaces } from '../app/reference';

const STATUS_COLOR: Record<TicketStatus, string> = {
  reported: 'blue',
  assigned: 'cyan',
  in_progress: 'processing',
  waiting_parts: 'orange',
  completed: 'green',
  closed: 'default',
  returned: 'magenta',
  cancelled: 'default',
};

export function StatusTag({ status }: { status: TicketStatus }) {
  const t = useT();
  return (
    <Tag color={STATUS_COLOR[status]} style={{ marginInlineEnd: 0 }}>
      {t(`ticketStatus.${status}`)}
    </Tag>
  );
}

const PRIORITY_TYPE: Record<TicketPriority, 'danger' | 'warning' | undefined> = { urgent: 'danger', high: 'warning', normal: undefined, low: undefined };

export function PriorityText({ priority }: { priority: TicketPriority }) {
  const t = useT();
  return (
    <Typography.Text type={PRIORITY_TYPE[priority] ?? (priority === 'low' ? 'secondary' : undefined)} strong={priority === 'urgent'}>
      {t(`ticketPriority.${priority}`)}
    </Typography.Text>
  );
}

/** A due time, red with 逾期 when the ticket is still open and past it. */
export function DueText({ dueAt, status, now }: { dueAt: string; status: TicketStatus; now: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const late = isOverdue({ dueAt, status }, now);
  return (
    <Typography.Text type={late ? 'danger' : undefined} title={late ? t('maint.overdue') : undefined}>
      {formatInstant(dueAt, locale)}
      {late ? ` ${t('maint.overdueMark')}` : ''}
    </Typography.Text>
  );
}

export function useInstant(): (at: string | null) => string {
  const locale = useLocale((s) => s.locale);
  return (at) => (at ? formatInstant(at, locale) : '');
}

/**
 * Where a ticket is, short for a table cell ("行政大樓 3F 男廁"), with the whole path
 * ("四維行政中心 / 行政大樓 / 3F / 男廁") to show on hover.
 */
export function usePlaceShort(): (spaceId: string) => { short: string; full: string } {
  const places = usePlaces();
  const locale = useLocale((s) => s.locale);
  return useMemo(
    () => (spaceId: string) => {
      const space = places.space.get(spaceId);
      const floor = space ? places.floor.get(space.floorId) : undefined;
      const building = floor ? places.building.get(floor.buildingId) : undefined;
      const short = [building && nameOf(building, locale), floor?.name, space && nameOf(space, locale)].filter(Boolean).join(' ');
      return { short: short || spaceId, full: space ? placePath(places, spaceId, locale) : spaceId };
    },
    [places, locale],
  );
}
