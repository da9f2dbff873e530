/**
 * The venue desk (場地): the booking calendar, the list of applications, the free-slot
 * finder and, for those who manage venues, their settings. Above them, what needs the
 * clerk: approved bookings that no longer fit their venue and bookings displaced by an
 * official event. The application form, a booking's detail and the letter open over it.
 */
import { Alert, Button, Flex, Popover, Tabs, Typography } from 'antd';
import type { BookingView, FlaggedBooking } from '../../domain/venues/views';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { useMayRun } from '../app/permissions';
import { BookingDrawer } from './BookingDrawer';
import { BookingFormDrawer } from './BookingForm';
import { BookingList } from './BookingList';
import { CalendarPane } from './calendar/CalendarPane';
import { ConfirmationLetter } from './ConfirmationLetter';
import { FreeSlotFinder } from './FreeSlotFinder';
import { applicantName, bookingLine } from './labels';
import { problemText } from './problems';
import { useVenueDesk, type VenueTab } from './store';
import { VenueSettings } from './VenueSettings';
import './venues.css';

export function VenueDesk() {
  const t = useT();
  const tab = useVenueDesk((s) => s.tab);
  const setTab = useVenueDesk((s) => s.setTab);
  const mayManage = useMayRun('venue.update');
  const items = [
    { key: 'calendar', label: t('venues.ui.tab.calendar'), children: <CalendarPane /> },
    { key: 'bookings', label: t('venues.ui.tab.bookings'), children: <BookingList /> },
    { key: 'free', label: t('venues.ui.tab.free'), children: <FreeSlotFinder /> },
    ...(mayManage ? [{ key: 'settings', label: t('venues.ui.tab.settings'), children: <VenueSettings /> }] : []),
  ];
  return (
    <div className="vd-root">
      <Tabs items={items} activeKey={tab} onChange={(k) => setTab(k as VenueTab)} destroyOnHidden size="small" tabBarExtraContent={<ReviewNotes />} />
      <BookingFormDrawer />
      <BookingDrawer />
      <ConfirmationLetter />
    </div>
  );
}

const NO_FLAGGED: FlaggedBooking[] = [];
const NO_DISPLACED: BookingView[] = [];

/** Flagged and displaced bookings: a count each, the list one click away. */
function ReviewNotes() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // A failed read keeps the counts shown before; the next change asks again.
  const reloadOn = ['booking', 'venue', 'calendarDay'] as const;
  const flagged = useApiRead('venues.flagged', {}, { reloadOn, keepPrevious: true }).data ?? NO_FLAGGED;
  const displaced = useApiRead('venues.displaced', {}, { reloadOn, keepPrevious: true }).data ?? NO_DISPLACED;
  const open = (id: string) => useVenueDesk.getState().openDetail(id);
  return (
    <Flex gap={8}>
      {flagged.length > 0 && (
        <Popover
          trigger="click"
          title={t('venues.ui.review.flaggedTitle')}
          content={
            <Flex vertical gap={6} style={{ maxWidth: 480, maxHeight: 360, overflow: 'auto' }}>
              {flagged.map((f) => (
                <div key={f.booking.id}>
                  <Typography.Link onClick={() => open(f.booking.id)}>{bookingLine(f.booking, locale)}</Typography.Link>
                  {f.problems.map((p, i) => (
                    <div key={i} style={{ fontSize: 12, color: '#a8071a' }}>
                      {problemText(p, t)}
                    </div>
                  ))}
                </div>
              ))}
            </Flex>
          }
        >
          <Button size="small" danger>
            {t('venues.ui.review.flagged', { count: flagged.length })}
          </Button>
        </Popover>
      )}
      {displaced.length > 0 && (
        <Popover
          trigger="click"
          title={t('venues.ui.review.displacedTitle')}
          content={
            <Flex vertical gap={6} style={{ maxWidth: 480, maxHeight: 360, overflow: 'auto' }}>
              {displaced.map((b) => (
                <div key={b.id}>
                  <Typography.Link onClick={() => open(b.id)}>{bookingLine(b, locale)}</Typography.Link>
                  <div style={{ fontSize: 12 }}>{t('venues.ui.review.contact', { applicant: applicantName(b, locale), contact: b.contactName, phone: b.contactPhone })}</div>
                </div>
              ))}
            </Flex>
          }
        >
          <Button size="small">{t('venues.ui.review.displaced', { count: displaced.length })}</Button>
        </Popover>
      )}
      {flagged.length === 0 && displaced.length === 0 && <Alert type="success" title={t('venues.ui.review.none')} style={{ padding: '0 8px', fontSize: 12 }} />}
    </Flex>
  );
}
