/**
 * 行事曆: day, week and month of one venue, or of all venues of a site side by side (rooms
 * as columns; in the week, one band per day). Holidays and closures are shaded with their
 * names; select free time to apply for it; drag a booking to move it (the move is a
 * mutation, refused with the reason when it collides).
 */
import { LeftOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Radio, Select, Space, Spin, Tooltip, Typography } from 'antd';
import { memo, useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { addDays, todayInTaipei, type BusinessDate, type Locale } from '../../../domain/dates';
import { translate, type MessageKey, type MessageParams } from '../../../domain/i18n';
import type { BookingView, VenueView } from '../../../domain/venues/views';
import type { CalendarExceptions } from '../../../domain/working-days';
import { useLocale, useT } from '../../app/i18n';
import { RocDatePicker } from '../../components/RocDatePicker';
import { monthWeeks } from '../../app/calendar-logic';
import { useMayRun } from '../../app/permissions';
import { useCalendarExceptions } from '../../app/reference';
import { moveBooking } from '../actions';
import { useBookings, useFlagged, useVenues } from '../data';
import { siteName, timeRange, venueName, weekdayShort } from '../labels';
import { useVenueDesk, type CalendarScope, type CalendarView } from '../store';
import { slotValues } from '../form-logic';
import { instantAt, visibleHours, weekDates, type GridBand, type GridItem } from '../../components/time-grid/grid-logic';
import { resourceHeads, TimeGrid, toneStyle, type BandHead, type ColumnHead, type SlotChoice } from '../../components/time-grid/TimeGrid';
import { BOOKING_TONES, columnOf, dayHead, dayTone, eventOf, type BookingTone } from './columns';
import { MonthGrid, SiteMonthTable, type DayMark } from './MonthViews';

/** The dates a view covers. */
function datesOf(view: CalendarView, date: BusinessDate): BusinessDate[] {
  if (view === 'day') return [date];
  if (view === 'week') return weekDates(date);
  const [y, m] = date.split('-').map(Number);
  return monthWeeks(y, m)
    .flat()
    .filter((d): d is BusinessDate => d !== null);
}

function step(view: CalendarView, date: BusinessDate, dir: 1 | -1): BusinessDate {
  if (view === 'day') return addDays(date, dir);
  if (view === 'week') return addDays(date, 7 * dir);
  const [y, m] = date.split('-').map(Number);
  const month = m + dir;
  const yy = month < 1 ? y - 1 : month > 12 ? y + 1 : y;
  const mm = ((month + 11) % 12) + 1;
  return `${yy}-${String(mm).padStart(2, '0')}-01`;
}

export function CalendarPane() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // The same function for as long as the language stays, so the bookings are not redrawn on every render.
  const st = useMemo(() => (key: MessageKey, params?: MessageParams) => translate(locale, key, params), [locale]);
  const cal = useVenueDesk((s) => s.calendar);
  const { setCalendar, openEditor } = useVenueDesk.getState();
  const { venues, byId, loading: venuesLoading, error: venuesError } = useVenues();
  const exceptions = useCalendarExceptions();
  const flagged = useFlagged();
  const mayMove = useMayRun('booking.move');
  const mayCreate = useMayRun('booking.create');

  const live = useMemo(() => venues.filter((v) => !v.archived), [venues]);
  const sites = useMemo(() => {
    const seen = new Map<string, string>();
    for (const v of live) if (!seen.has(v.siteId)) seen.set(v.siteId, siteName(v, locale));
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [live, locale]);
  const siteId = cal.siteId && sites.some((s) => s.value === cal.siteId) ? cal.siteId : (sites[0]?.value ?? null);
  const siteVenues = useMemo(() => live.filter((v) => v.siteId === siteId), [live, siteId]);
  const venueId = cal.venueId && byId.has(cal.venueId) ? cal.venueId : (siteVenues[0]?.id ?? null);
  const venue = venueId ? byId.get(venueId) : undefined;

  const dates = useMemo(() => datesOf(cal.view, cal.date), [cal.view, cal.date]);
  const query = useMemo(() => {
    if (!siteId || (cal.scope === 'venue' && !venueId)) return null;
    const range = { from: instantAt(dates[0], 0), to: instantAt(addDays(dates[dates.length - 1], 1), 0), statuses: ['pending' as const, 'approved' as const] };
    return cal.scope === 'site' ? { ...range, siteId } : { ...range, venueIds: [venueId!] };
  }, [cal.scope, siteId, venueId, dates]);
  const { bookings, loading, error } = useBookings(query);
  const events = useMemo(() => bookings.map((b) => eventOf(b, byId.get(b.venueId), flagged, mayMove, st, locale)), [bookings, byId, flagged, mayMove, st, locale]);

  const gridKey = `${cal.view}|${cal.scope}|${siteId}|${venueId}|${dates[0]}`;
  const ready = !loading && !venuesLoading && query !== null;
  // What the grid shows changes only when the new range's bookings are in: a click on
  // 週 then costs one layout of the week, not one with the old bookings and one with the new.
  const [shown, setShown] = useState<Shown | null>(null);
  if (ready && (shown?.key !== gridKey || shown.events !== events || shown.exceptions !== exceptions || shown.siteVenues !== siteVenues)) {
    setShown({ key: gridKey, view: cal.view, scope: cal.scope, date: cal.date, dates, siteVenues, venue, siteLabel: sites.find((s) => s.value === siteId)?.label ?? '', events, bookings, exceptions });
  }

  // Tell a waiting benchmark or test when the requested range is on screen (after the paint).
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!shown) return;
    const frame = requestAnimationFrame(() =>
      setTimeout(() => {
        holder.current?.setAttribute('data-painted', shown.key);
        performance.mark('venues.calendar.painted', { detail: shown.key });
      }, 0),
    );
    return () => cancelAnimationFrame(frame);
  }, [shown]);

  const title =
    cal.view === 'day'
      ? dayHead(cal.date, locale, true)
      : cal.view === 'week'
        ? t('venues.ui.cal.weekTitle', { from: dayHead(dates[0], locale, true), to: dayHead(dates[6], locale) })
        : t('venues.ui.cal.monthTitle', { year: locale === 'zh-TW' ? Number(cal.date.slice(0, 4)) - 1911 : Number(cal.date.slice(0, 4)), month: Number(cal.date.slice(5, 7)) });

  return (
    <Flex vertical gap={8} style={{ height: '100%', minHeight: 0 }}>
      <Flex gap={8} wrap align="center">
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={cal.view}
          onChange={(e) => setCalendar({ view: e.target.value as CalendarView })}
          options={(['day', 'week', 'month'] as const).map((v) => ({ value: v, label: t(`venues.ui.cal.view.${v}`) }))}
          aria-label={t('venues.ui.cal.viewLabel')}
        />
        <Radio.Group
          size="small"
          optionType="button"
          buttonStyle="solid"
          value={cal.scope}
          onChange={(e) => setCalendar({ scope: e.target.value as CalendarScope })}
          options={[
            { value: 'site', label: t('venues.ui.cal.scope.site') },
            { value: 'venue', label: t('venues.ui.cal.scope.venue') },
          ]}
          aria-label={t('venues.ui.cal.scopeLabel')}
        />
        <Select size="small" value={siteId ?? undefined} onChange={(v) => setCalendar({ siteId: v, venueId: null })} options={sites} style={{ width: 150 }} aria-label={t('field.siteId')} />
        {cal.scope === 'venue' && (
          <Select
            size="small"
            value={venueId ?? undefined}
            onChange={(v) => setCalendar({ venueId: v })}
            options={siteVenues.map((v) => ({ value: v.id, label: venueName(v, locale) }))}
            style={{ width: 170 }}
            showSearch={{ optionFilterProp: 'label' }}
            aria-label={t('field.venueId')}
          />
        )}
        <Space.Compact size="small">
          <Button size="small" icon={<LeftOutlined />} aria-label={t('venues.ui.cal.previous')} onClick={() => setCalendar({ date: step(cal.view, cal.date, -1) })} />
          <Button size="small" onClick={() => setCalendar({ date: todayInTaipei() })}>
            {t('venues.ui.cal.today')}
          </Button>
          <Button size="small" icon={<RightOutlined />} aria-label={t('venues.ui.cal.next')} onClick={() => setCalendar({ date: step(cal.view, cal.date, 1) })} />
        </Space.Compact>
        <RocDatePicker size="small" value={cal.date} onChange={(d) => d && setCalendar({ date: d })} allowClear={false} style={{ width: 130 }} aria-label={t('venues.ui.cal.goToDate')} />
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
          {title}
        </Typography.Text>
        {(loading || venuesLoading) && <Spin size="small" />}
        {mayCreate && (
          <Button
            size="small"
            type="primary"
            icon={<PlusOutlined />}
            style={{ marginInlineStart: 'auto' }}
            onClick={() => openEditor({ mode: 'new', prefill: venueId && cal.scope === 'venue' ? { venueId } : undefined })}
          >
            {t('venues.ui.newBooking')}
          </Button>
        )}
      </Flex>
      {(error || venuesError) && <Alert type="error" showIcon title={error ?? venuesError} />}
      {!venuesLoading && live.length === 0 && <Alert type="info" showIcon title={t('venues.ui.cal.noVenues')} />}
      <div ref={holder} className="vc-holder" data-view={cal.view} data-scope={cal.scope} style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>
        {shown && <CalendarBody shown={shown} mayCreate={mayCreate} />}
      </div>
      <Legend />
    </Flex>
  );
}

/** What the grid was last asked to show, with the bookings of that range. */
interface Shown {
  key: string;
  view: CalendarView;
  scope: CalendarScope;
  date: BusinessDate;
  dates: BusinessDate[];
  siteVenues: VenueView[];
  venue: VenueView | undefined;
  siteLabel: string;
  events: GridItem[];
  bookings: BookingView[];
  exceptions: CalendarExceptions;
}

/** The grid or month table of a snapshot; redrawn only when the snapshot changes. */
const CalendarBody = memo(function CalendarBody({ shown, mayCreate }: { shown: Shown; mayCreate: boolean }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message, modal } = App.useApp();
  const { setCalendar, openEditor, openDetail } = useVenueDesk.getState();
  const { view, scope, date, dates, siteVenues, venue, siteLabel, events, bookings, exceptions } = shown;

  const marks = useMemo(() => {
    const m = new Map<BusinessDate, DayMark>();
    for (const d of dates) {
      const e = exceptions.get(d);
      const tone = dayTone(d, exceptions);
      m.set(d, { note: e?.name, tone, off: tone === 'holiday' || tone === 'closure' || tone === 'weekend' });
    }
    return m;
  }, [dates, exceptions]);

  const onMove = async (id: string, where: { resourceId: string; start: string; end: string }) => {
    const booking = bookings.find((b) => b.id === id);
    if (!booking) return;
    const to = { venueId: where.resourceId, start: where.start, end: where.end };
    const result = await moveBooking(booking, to);
    if (!result.ok) {
      modal.error({ title: t('venues.ui.cal.moveRefused'), content: result.message });
      return;
    }
    const key = `moved:${id}`;
    void message.success({
      key,
      duration: 6,
      content: (
        <Space size={4}>
          {t('venues.ui.cal.moved', { name: booking.eventName, when: timeRange(to.start, to.end, locale) })}
          <Button
            size="small"
            type="link"
            onClick={() => {
              message.destroy(key);
              void moveBooking({ ...booking, ...to }, { venueId: booking.venueId, start: booking.start, end: booking.end }).then((r) => {
                if (!r.ok) modal.error({ title: t('venues.ui.cal.moveRefused'), content: r.message });
              });
            }}
          >
            {t('common.undo')}
          </Button>
        </Space>
      ),
    });
  };

  const onSelectSlot = (slot: SlotChoice) => {
    if (!mayCreate) return;
    openEditor({ mode: 'new', prefill: slotValues({ venueId: slot.resourceId, start: instantAt(slot.date, slot.from), end: instantAt(slot.date, slot.to) }) });
  };

  const weekdayNames = useMemo(() => Array.from({ length: 7 }, (_, i) => weekdayShort(addDays('2022-01-02', i), locale)), [locale]);
  const byVenue = useMemo(() => new Map(siteVenues.map((v) => [v.id, v])), [siteVenues]);

  if (view === 'month' && scope === 'venue' && venue) {
    const [y, m] = date.split('-').map(Number);
    return (
      <MonthGrid
        year={y}
        month={m}
        weekdayNames={weekdayNames}
        venueIds={[venue.id]}
        events={events}
        marks={marks}
        moreLabel={(count) => t('venues.ui.cal.more', { count })}
        ariaLabel={t('venues.ui.cal.gridLabel', { what: venueName(venue, locale) })}
        onOpenDay={(d) => setCalendar({ view: 'day', date: d })}
        onOpen={openDetail}
      />
    );
  }
  if (view === 'month') {
    const [y, m] = date.split('-').map(Number);
    const monthDates = dates.filter((d) => Number(d.slice(5, 7)) === m && Number(d.slice(0, 4)) === y);
    return (
      <SiteMonthTable
        dates={monthDates}
        dayLabel={(d) => dayHead(d, locale)}
        rooms={siteVenues.map((v) => ({ id: v.id, label: venueName(v, locale), sub: t('venues.ui.cal.capacity', { count: v.capacity }) }))}
        columnOf={(d, id) => columnOf(byVenue.get(id)!, d, exceptions)}
        events={events}
        marks={marks}
        ariaLabel={t('venues.ui.cal.gridLabel', { what: siteLabel })}
        onOpenDay={(d, id) => setCalendar({ view: 'day', date: d, scope: 'site', venueId: id })}
        onOpen={openDetail}
      />
    );
  }
  let header: ColumnHead[];
  let bands: (GridBand & { head?: BandHead })[];
  if (scope === 'site') {
    header = resourceHeads(
      siteVenues.map((v) => ({
        id: v.id,
        label: venueName(v, locale),
        sub: t('venues.ui.cal.capacity', { count: v.capacity }),
        title: t('venues.ui.cal.roomSub', { count: v.capacity, type: t(`venues.type.${v.type}`) }),
      })),
    );
    bands = dates.map((d) => ({
      key: d,
      date: d,
      head: view === 'week' ? { label: bandLabel(d, marks.get(d)?.note, locale), tone: marks.get(d)?.tone } : undefined,
      // The day's band already names a holiday; a venue's own closure is still written in its column.
      columns: siteVenues.map((v) => {
        const column = columnOf(v, d, exceptions);
        return view === 'week' && column.noteTone !== 'closure' ? { ...column, note: undefined } : column;
      }),
    }));
  } else {
    header = venue ? dates.map((d) => ({ key: d, label: dayHead(d, locale), sub: marks.get(d)?.note ?? '', tone: marks.get(d)?.tone })) : [];
    bands = venue ? [{ key: 'venue', columns: dates.map((d) => columnOf(venue, d, exceptions)) }] : [];
  }
  const hours = visibleHours(bands.flatMap((b) => b.columns));
  const compact = scope === 'site' && view === 'week';
  return (
    <TimeGrid
      header={header}
      bands={bands}
      items={events}
      tones={BOOKING_TONES}
      hours={hours}
      pxPerHour={compact ? 24 : 44}
      closedPxPerHour={compact ? 9 : undefined}
      minColumnWidth={scope === 'site' ? 112 : 120}
      ariaLabel={t('venues.ui.cal.gridLabel', { what: scope === 'site' ? siteLabel : venue ? venueName(venue, locale) : '' })}
      onSelectSlot={onSelectSlot}
      onOpen={openDetail}
      onMove={(id, to) => void onMove(id, to)}
      style={{ flex: 1 }}
    />
  );
});

function bandLabel(date: BusinessDate, note: string | undefined, locale: Locale) {
  return (
    <span style={{ position: 'sticky', left: 8 }}>
      {dayHead(date, locale, true)}
      {note && <span style={{ marginInlineStart: 12 }}>{note}</span>}
    </span>
  );
}

function Legend() {
  const t = useT();
  const swatch = (label: string, look: { className?: string; style?: CSSProperties }) => (
    <span key={label}>
      <span className={`vc-swatch${look.className ? ` ${look.className}` : ''}`} style={look.style} />
      {label}
    </span>
  );
  return (
    <div className="vc-legend">
      {(Object.keys(BOOKING_TONES) as BookingTone[]).map((tone) => swatch(t(`venues.ui.tone.${tone}`), { style: toneStyle(BOOKING_TONES[tone]) }))}
      {swatch(t('venues.ui.cal.legendBuffer'), { className: 'vc-buffer-swatch' })}
      {swatch(t('venues.ui.cal.legendClosed'), { className: 'vc-closed-swatch' })}
      <Tooltip title={t('venues.ui.cal.keysHint')} placement="topRight">
        <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto', cursor: 'help' }}>
          <span aria-hidden>⌨ </span>
          {t('venues.ui.cal.keys')}
        </Typography.Text>
      </Tooltip>
    </div>
  );
}
