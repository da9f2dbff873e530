/**
 * Month views of the booking calendar: one venue as the usual month grid (weeks of
 * Sunday to Saturday), and all venues of a site as a table of days (rows) by rooms
 * (columns). Holidays and closures are marked; a day opens in the day view.
 */
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { BusinessDate } from '../../../domain/dates';
import { monthWeeks } from '../../app/calendar-logic';
import { clock, indexItems, piecesFor, taipeiMinute, type DayTone, type GridColumn, type GridItem, type GridResource, type ItemIndex } from '../../components/time-grid/grid-logic';
import { toneStyle } from '../../components/time-grid/TimeGrid';
import { BOOKING_TONES, type BookingTone } from './columns';

export interface DayMark {
  /** A holiday's or closure's name. */
  note?: string;
  tone?: DayTone;
  off?: boolean;
}

const activate = (run: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    e.stopPropagation();
    run();
  }
};

function Chip({ event, date, prefix, onOpen }: { event: GridItem; date: BusinessDate; prefix?: string; onOpen?(id: string): void }) {
  const start = taipeiMinute(event.start);
  const time = start.date === date ? clock(start.minute) : '…';
  return (
    <div
      className="vc-chip"
      data-tone={event.tone}
      style={toneStyle(BOOKING_TONES[event.tone as BookingTone])}
      role="button"
      tabIndex={0}
      title={event.label}
      aria-label={event.label}
      onClick={(e) => {
        e.stopPropagation();
        onOpen?.(event.id);
      }}
      onKeyDown={activate(() => onOpen?.(event.id))}
    >
      {time} {prefix ? `${prefix} ` : ''}
      {event.title}
    </div>
  );
}

/** The events that touch a date at a venue (or any venue), in order of start. */
function eventsOn(date: BusinessDate, venueIds: readonly string[], events: ItemIndex): GridItem[] {
  const out: GridItem[] = [];
  for (const resourceId of venueIds) for (const p of piecesFor({ date, resourceId }, events)) if (p.to > p.from) out.push(p.item);
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

interface MonthGridProps {
  year: number;
  month: number;
  weekdayNames: string[];
  venueIds: readonly string[];
  events: readonly GridItem[];
  marks: ReadonlyMap<BusinessDate, DayMark>;
  /** The room's short name shown before a title when several venues share the grid. */
  prefixOf?(venueId: string): string | undefined;
  maxChips?: number;
  moreLabel(count: number): string;
  ariaLabel: string;
  onOpenDay(date: BusinessDate): void;
  onOpen(id: string): void;
}

export function MonthGrid({ year, month, weekdayNames, venueIds, events, marks, prefixOf, maxChips = 4, moreLabel, ariaLabel, onOpenDay, onOpen }: MonthGridProps) {
  const weeks = monthWeeks(year, month);
  const index = useMemo(() => indexItems(events), [events]);
  return (
    <div className="vc-month" role="grid" aria-label={ariaLabel}>
      {weekdayNames.map((name, i) => (
        <div key={name} className="vc-month-head" role="columnheader" style={i === 0 || i === 6 ? { color: '#cf1322' } : undefined}>
          {name}
        </div>
      ))}
      {weeks.flat().map((date, i) => {
        if (!date) return <div key={`x${i}`} className="vc-month-day vc-month-day--other" />;
        const mark = marks.get(date);
        const list = eventsOn(date, venueIds, index);
        const shown = list.slice(0, list.length > maxChips ? maxChips - 1 : maxChips);
        const cls = ['vc-month-day', mark?.off && 'vc-month-day--off', mark?.tone === 'today' && 'vc-month-day--today'].filter(Boolean).join(' ');
        return (
          <div key={date} className={cls} role="gridcell" tabIndex={0} data-date={date} onClick={() => onOpenDay(date)} onKeyDown={activate(() => onOpenDay(date))}>
            <div className="vc-month-top">
              <span className="vc-month-num">{Number(date.slice(8))}</span>
              {mark?.note && <span className={`vc-month-note${mark.tone === 'workday' ? ' vc-month-note--workday' : ''}`}>{mark.note}</span>}
            </div>
            {shown.map((e) => (
              <Chip key={e.id} event={e} date={date} prefix={prefixOf?.(e.resourceId)} onOpen={onOpen} />
            ))}
            {list.length > shown.length && <span className="vc-more">{moreLabel(list.length - shown.length)}</span>}
          </div>
        );
      })}
    </div>
  );
}

interface SiteMonthProps {
  dates: readonly BusinessDate[];
  dayLabel(date: BusinessDate): ReactNode;
  rooms: readonly GridResource[];
  /** Whether a room is open on a date, and why not. */
  columnOf(date: BusinessDate, venueId: string): GridColumn;
  events: readonly GridItem[];
  marks: ReadonlyMap<BusinessDate, DayMark>;
  ariaLabel: string;
  onOpenDay(date: BusinessDate, venueId: string): void;
  onOpen(id: string): void;
}

/** Days down, rooms across: what a month looks like for all venues of a site. */
export function SiteMonthTable({ dates, dayLabel, rooms, columnOf, events, marks, ariaLabel, onOpenDay, onOpen }: SiteMonthProps) {
  const index = useMemo(() => indexItems(events), [events]);
  return (
    <div className="vc-table" role="grid" aria-label={ariaLabel} style={{ gridTemplateColumns: `96px repeat(${rooms.length}, minmax(120px, 1fr))` }}>
      <div className="tg-corner" />
      {rooms.map((r) => (
        <div key={r.id} className="tg-head" role="columnheader" title={r.title}>
          <div className="tg-head-label">{r.label}</div>
          {r.sub && <div className="tg-head-sub">{r.sub}</div>}
        </div>
      ))}
      {dates.map((date) => {
        const mark = marks.get(date);
        return [
          <div key={`h${date}`} className={`vc-row-head${mark?.tone ? ` tg-day--${mark.tone}` : ''}`} role="rowheader" title={mark?.note}>
            {dayLabel(date)}
          </div>,
          ...rooms.map((r) => {
            const column = columnOf(date, r.id);
            return (
              <div key={`${date}:${r.id}`} className={`vc-tcell${column.open ? '' : ' vc-tcell--closed'}`} role="gridcell" tabIndex={-1} title={column.note} onClick={() => onOpenDay(date, r.id)}>
                {eventsOn(date, [r.id], index).map((e) => (
                  <Chip key={e.id} event={e} date={date} onOpen={onOpen} />
                ))}
              </div>
            );
          }),
        ];
      })}
    </div>
  );
}
