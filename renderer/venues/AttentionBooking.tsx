/**
 * A booking write the sync server refused, as 待處理 shows it: why (the server's reason),
 * the booking that was asked for, the approved booking it collided with, and the free
 * slots nearest to the time asked. The clerk moves it to one of those slots and sends it
 * again in one click, opens the form to edit and resubmit, or discards it.
 */
import { Alert, App, Button, Card, Flex, Popconfirm, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AttentionItem } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import type { FreeSlot } from '../../domain/venues/views';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { errorMessage, useShell } from '../app/store';
import { useAgencies } from '../app/reference';
import { moveBooking } from './actions';
import { useVenues } from './data';
import { applicantName, aside, bookingLine, bookingVenueName, timeRange, venueName } from './labels';
import { conflictOf } from './problems';
import { useVenueDesk } from './store';
import { nameOf } from '../../domain/i18n';

/** The refused writes this card explains: a booking's creation, move or approval. */
export function isBookingAttention(item: Pick<AttentionItem, 'name'>): boolean {
  return ['booking.create', 'booking.move', 'booking.approve', 'bookingSeries.create', 'bookingSeries.approve'].includes(item.name);
}

type Args = Record<string, unknown>;

const GAP = { marginInlineStart: 10 };

/** What the refused write asked for: the booking (when it exists locally) and the time. */
function useAsked(item: AttentionItem) {
  const args = (item.args ?? {}) as Args;
  // A series' approval names the occurrence that clashed; a creation has no record here (it was rolled back).
  const occurrence = typeof item.problem.params.occurrenceId === 'string' ? item.problem.params.occurrenceId : null;
  const bookingId = item.name === 'bookingSeries.approve' ? occurrence : item.name === 'booking.create' || item.name === 'bookingSeries.create' ? null : String(args.id ?? '');
  // A booking that cannot be read is treated as gone: the card works from the refused arguments.
  const detail = useApiRead('venues.booking', bookingId ? { id: bookingId } : null);
  const booking = detail.error ? null : (detail.data?.booking ?? null);
  const start = typeof args.start === 'string' ? args.start : booking?.start;
  const end = typeof args.end === 'string' ? args.end : booking?.end;
  const venueId = typeof args.venueId === 'string' ? args.venueId : booking?.venueId;
  return { args, booking, loaded: !detail.loading, start, end, venueId };
}

export function BookingAttentionCard({ item }: { item: AttentionItem }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const { byId } = useVenues();
  const asked = useAsked(item);
  const conflict = conflictOf(item.problem);
  const agencies = useAgencies().byId;
  const [slots, setSlots] = useState<FreeSlot[] | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const venue = asked.venueId ? byId.get(asked.venueId) : undefined;
  const attendees = asked.booking?.attendees ?? (typeof asked.args.attendees === 'number' ? asked.args.attendees : undefined);
  const equipment = asked.booking?.equipment ?? (Array.isArray(asked.args.equipment) ? (asked.args.equipment as string[]) : []);

  useEffect(() => {
    if (!asked.start || !asked.end || !asked.loaded) return;
    let live = true;
    api
      .call('venues.freeSlots', {
        start: asked.start,
        end: asked.end,
        ...(venue ? { siteId: venue.siteId } : {}),
        ...(attendees ? { attendees } : {}),
        ...(equipment.length ? { equipment: equipment as never } : {}),
        ...(asked.booking ? { excludeId: asked.booking.id } : {}),
        limit: 5,
      })
      .then(
        (found) => live && setSlots(found),
        (e: unknown) => live && setFailure(errorMessage(e)),
      );
    return () => {
      live = false;
    };
    // Asked once per item: the slots are a suggestion, not live data.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [asked.start, asked.end, asked.loaded, venue?.siteId]);

  const resubmit = async (args: unknown) => {
    const r = await api.call('attention.resubmit', { id: item.id, args });
    if (!r.ok) setFailure(r.message);
    else void message.success(t('shell.attention.resubmitted'));
    return r.ok;
  };

  /** Into a free slot: a refused create is sent again with that time; an approval or move first moves the booking there. */
  const takeSlot = async (slot: FreeSlot) => {
    setBusy(`${slot.venueId}${slot.start}`);
    setFailure(null);
    try {
      if (item.name === 'booking.create') await resubmit({ ...asked.args, venueId: slot.venueId, start: slot.start, end: slot.end });
      else if (item.name === 'booking.move') await resubmit({ ...asked.args, venueId: slot.venueId, start: slot.start, end: slot.end });
      else if (asked.booking) {
        const moved = await moveBooking(asked.booking, slot);
        if (!moved.ok) setFailure(moved.message);
        else await resubmit(asked.args);
      }
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const edit = () => {
    const shell = useShell.getState();
    shell.setAttentionOpen(false);
    shell.goTo('venues');
    useVenueDesk.getState().openEditor({ mode: 'resubmit', attentionId: item.id, name: item.name, args: asked.args });
  };

  /** The same write again, once the clash is out of the way (a series' occurrence moved or cancelled). */
  const sendAgain = async () => {
    setBusy('again');
    setFailure(null);
    try {
      await resubmit(asked.args);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    setBusy('discard');
    try {
      const r = await api.call('attention.discard', { id: item.id });
      if (r.ok) void message.success(t('shell.attention.discarded'));
      else setFailure(r.message);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const openBooking = (id: string) => {
    const shell = useShell.getState();
    shell.setAttentionOpen(false);
    shell.goTo('venues');
    useVenueDesk.getState().openDetail(id);
  };

  const name = asked.booking?.eventName ?? (typeof asked.args.eventName === 'string' ? asked.args.eventName : '');
  // The booking in the way: its own venue and how to reach its applicant (servers before the span guard sent neither).
  const conflictVenue = conflict?.venueId ? byId.get(conflict.venueId) : undefined;
  const conflictAgency = conflict?.applicantAgencyId ? agencies.get(conflict.applicantAgencyId) : undefined;
  const conflictApplicant = conflictAgency ? nameOf(conflictAgency, locale) : (conflict?.applicantOrg ?? '');
  const canTakeSlot = item.name !== 'bookingSeries.create' && item.name !== 'bookingSeries.approve';
  return (
    <Card
      size="small"
      data-testid="attention-booking"
      title={t(`venues.ui.attention.${item.name.replace('.', '_') as 'booking_create'}`)}
      extra={<Typography.Text type="secondary">{t('shell.attention.refusedAt', { time: formatInstant(item.refusedAt, locale) })}</Typography.Text>}
    >
      <Alert type="warning" showIcon title={item.message} style={{ marginBottom: 8 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 8 }} />}
      <Flex vertical gap={6}>
        <div>
          <Typography.Text type="secondary">{t('venues.ui.attention.asked')}</Typography.Text>
          <div data-testid="attention-asked">
            {asked.booking ? (
              <Typography.Link onClick={() => openBooking(asked.booking!.id)}>{bookingLine(asked.booking, locale)}</Typography.Link>
            ) : (
              <span>
                {name}
                {asked.start && asked.end ? aside(timeRange(asked.start, asked.end, locale), locale) : ''}
              </span>
            )}
            {venue && <span style={GAP}>{venueName(venue, locale)}</span>}
            {asked.booking && <span style={GAP}>{applicantName(asked.booking, locale)}</span>}
          </div>
        </div>
        {conflict && (
          <div>
            <Typography.Text type="secondary">{t('venues.ui.attention.collided')}</Typography.Text>
            <div data-testid="attention-collided">
              <Typography.Link onClick={() => openBooking(conflict.id)}>
                {conflict.number} {conflict.name}
                {conflict.start && conflict.end ? aside(timeRange(conflict.start, conflict.end, locale), locale) : ''}
              </Typography.Link>
              {conflictVenue ? <span style={GAP}>{venueName(conflictVenue, locale)}</span> : asked.booking && <span style={GAP}>{bookingVenueName(asked.booking, locale)}</span>}
            </div>
            {conflict.contactName && (
              <div data-testid="attention-collided-contact">{t('venues.ui.review.contact', { applicant: conflictApplicant, contact: conflict.contactName, phone: conflict.contactPhone })}</div>
            )}
          </div>
        )}
        <div>
          <Typography.Text type="secondary">{t('venues.ui.attention.nearest')}</Typography.Text>
          {!slots && !failure && <Spin size="small" style={{ display: 'block' }} />}
          {slots?.length === 0 && <div>{t('venues.ui.free.none')}</div>}
          <Flex vertical gap={4} style={{ marginTop: 4 }} data-testid="attention-slots">
            {slots?.map((s) => {
              const v = byId.get(s.venueId);
              return (
                <Flex key={`${s.venueId}${s.start}`} gap={8} align="center" justify="space-between">
                  <span>
                    {v ? venueName(v, locale) : s.venueId}
                    <span style={GAP}>{timeRange(s.start, s.end, locale)}</span>
                  </span>
                  {canTakeSlot && (
                    <Button size="small" loading={busy === `${s.venueId}${s.start}`} disabled={busy !== null} onClick={() => void takeSlot(s)}>
                      {t('venues.ui.attention.takeSlot')}
                    </Button>
                  )}
                </Flex>
              );
            })}
          </Flex>
        </div>
      </Flex>
      <Flex gap={8} justify="flex-end" style={{ marginTop: 12 }}>
        <Popconfirm title={t('shell.attention.confirmDiscard')} okText={t('shell.attention.discard')} cancelText={t('common.cancel')} onConfirm={() => void discard()}>
          <Button danger loading={busy === 'discard'} disabled={busy !== null && busy !== 'discard'}>
            {t('shell.attention.discard')}
          </Button>
        </Popconfirm>
        {item.name === 'bookingSeries.approve' ? (
          <>
            {asked.booking && <Button onClick={() => openBooking(asked.booking!.id)}>{t('venues.ui.attention.openOccurrence')}</Button>}
            <Button type="primary" loading={busy === 'again'} disabled={busy !== null && busy !== 'again'} onClick={() => void sendAgain()}>
              {t('shell.attention.resubmit')}
            </Button>
          </>
        ) : (
          <Button type="primary" onClick={edit} disabled={busy !== null}>
            {t('venues.ui.attention.editResubmit')}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
