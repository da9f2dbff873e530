/**
 * Month views of the booking calendar: one venue as the usual month grid (weeks of
 * Sunday to Saturday), and all venues of a site as a table of days (rows) by rooms
 * (columns). Holidays and closures are marked; a day opens in the day view.
 */
import { useMemo, type KeyboardEvent, type ReactNode } from 'react';
import type { BusinessDate } from '../../../domain/dates';
import { monthWeeks } from '../../app/calendar-logic';
import { clock, indexEvents, piecesFor, taipeiMinute, type EventIndex, type GridColumn, type GridEvent } from './grid-logic';

export interface DayMark {
  /** A holiday's or closure's name. */
  note?: string;
  tone?: 'holiday' | 'closure' | 'workday' | 'weekend' | 'today';
  off?: boolean;
}

const activate = (run: () => void) => (e: KeyboardEvent) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    e.stopPropagation();
    run();
  }
};

function Chip({ event, date, prefix, onOpen }: { event: GridEvent; date: BusinessDate; prefix?: string; onOpen?(id: string): void }) {
  const start = taipeiMinute(event.start);
  const time = start.date === date ? clock(start.minute) : '…';
  return (
    <div
      className={`vc-chip vc-ev--${event.tone}`}
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
function eventsOn(date: BusinessDate, venueIds: readonly string[], events: EventIndex): GridEvent[] {
  const out: GridEvent[] = [];
  for (const venueId of venueIds) for (const p of piecesFor({ date, venueId }, events)) if (p.to > p.from) out.push(p.event);
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

interface MonthGridProps {
  year: number;
  month: number;
  weekdayNames: string[];
  venueIds: readonly string[];
  events: readonly GridEvent[];
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
  const index = useMemo(() => indexEvents(events), [events]);
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
              <Chip key={e.id} event={e} date={date} prefix={prefixOf?.(e.venueId)} onOpen={onOpen} />
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
  rooms: readonly { venueId: string; label: ReactNode; sub?: ReactNode }[];
  /** Whether a room is open on a date, and why not. */
  columnOf(date: BusinessDate, venueId: string): GridColumn;
  events: readonly GridEvent[];
  marks: ReadonlyMap<BusinessDate, DayMark>;
  ariaLabel: string;
  onOpenDay(date: BusinessDate, venueId: string): void;
  onOpen(id: string): void;
}

/** Days down, rooms across: what a month looks like for all venues of a site. */
export function SiteMonthTable({ dates, dayLabel, rooms, columnOf, events, marks, ariaLabel, onOpenDay, onOpen }: SiteMonthProps) {
  const index = useMemo(() => indexEvents(events), [events]);
  return (
    <div className="vc-table" role="grid" aria-label={ariaLabel} style={{ gridTemplateColumns: `96px repeat(${rooms.length}, minmax(120px, 1fr))` }}>
      <div className="vc-corner" />
      {rooms.map((r) => (
        <div key={r.venueId} className="vc-head" role="columnheader">
          <div className="vc-head-label">{r.label}</div>
          {r.sub && <div className="vc-head-sub">{r.sub}</div>}
        </div>
      ))}
      {dates.map((date) => {
        const mark = marks.get(date);
        return [
          <div key={`h${date}`} className={`vc-row-head${mark?.tone ? ` vc-tone-${mark.tone}` : ''}`} role="rowheader" title={mark?.note}>
            {dayLabel(date)}
          </div>,
          ...rooms.map((r) => {
            const column = columnOf(date, r.venueId);
            return (
              <div
                key={`${date}:${r.venueId}`}
                className={`vc-tcell${column.open ? '' : ' vc-cell--closed'}`}
                role="gridcell"
                tabIndex={-1}
                title={column.note}
                onClick={() => onOpenDay(date, r.venueId)}
              >
                {eventsOn(date, [r.venueId], index).map((e) => (
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
