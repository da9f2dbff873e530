/**
 * The time grid of the booking calendar, built on CSS grid: a sticky header of columns
 * (days of one venue, or the rooms of a site side by side), one or more day bands below it
 * (one band per day when the columns are rooms), and a time axis on the left.
 *
 * - Drag over empty time (or move the cursor with the arrow keys and press Enter) to
 *   ask for a new booking there: `onSelectSlot`.
 * - Drag a booking to another time, day or room, or drag its lower edge to change its end:
 *   `onMove` with where it would go; the caller runs the mutation, and if that is refused
 *   the booking simply stays where the data says it is. From the keyboard: Alt+arrows on a
 *   focused booking move it (Alt+Shift+↑/↓ change its end), Enter confirms, Esc cancels.
 * - Click or Enter on a booking: `onOpen`.
 */
import { useEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { isComposing } from '../../components/ime';
import { clock, dragged, indexEvents, piecesFor, selectionRange, taipeiMinute, type DragMode, type DragResult, type GridBand, type GridColumn, type GridEvent, type Piece } from './grid-logic';

export interface ColumnHead {
  key: string;
  label: ReactNode;
  sub?: ReactNode;
  /** The tooltip: more than the header has room for. */
  title?: string;
  tone?: 'holiday' | 'closure' | 'workday' | 'weekend' | 'today';
}

export interface BandHead {
  label?: ReactNode;
  tone?: 'holiday' | 'closure' | 'workday' | 'weekend' | 'today';
}

export interface SlotChoice {
  date: string;
  venueId: string;
  /** Minutes of the day. */
  from: number;
  to: number;
}

export interface TimeGridProps {
  header: ColumnHead[];
  bands: (GridBand & { head?: BandHead })[];
  events: readonly GridEvent[];
  /** Minutes of the day shown [from, to). */
  hours: [number, number];
  pxPerHour?: number;
  /** Minutes a drag snaps to. */
  step?: number;
  selectedId?: string | null;
  ariaLabel: string;
  /** Pixels per hour of a band whose columns are all closed (a day off): small, yet its bookings still show. */
  closedPxPerHour?: number;
  /** Width of a column at least (px); the grid scrolls sideways beyond that. */
  minColumnWidth?: number;
  onSelectSlot?(slot: SlotChoice): void;
  onOpen?(eventId: string): void;
  onMove?(eventId: string, to: DragResult): void;
  /** A new booking dragged out where the user may not create one (closed day) is still offered; the form says why. */
  style?: CSSProperties;
}

type Cell = { band: number; col: number };

type Drag =
  | { kind: 'select'; cell: Cell; anchor: number; current: number }
  | {
      kind: 'move';
      mode: DragMode;
      event: GridEvent;
      from: { date: string; minute: number };
      to: { date: string; minute: number; venueId: string };
      moved: boolean;
      x: number;
      y: number;
      byKeys: boolean;
    };

const HANDLE = 6;
/** The header's and a day band's title row height (see venues.css), to know which bands are in view. */
const HEADER_PX = 42;
const BAND_HEAD_PX = 22;
const NO_PIECES: Piece[][] = [];

export function TimeGrid({
  header,
  bands,
  events,
  hours,
  pxPerHour = 44,
  closedPxPerHour,
  step = 15,
  selectedId,
  ariaLabel,
  minColumnWidth = 104,
  onSelectSlot,
  onOpen,
  onMove,
  style,
}: TimeGridProps) {
  const scale = useMemo(() => bands.map((band) => (closedPxPerHour && band.columns.every((c) => !c.open) ? closedPxPerHour : pxPerHour) / 60), [bands, pxPerHour, closedPxPerHour]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [cursor, setCursor] = useState<{ cell: Cell; from: number; to: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Which part of the grid is in view: bookings are laid out only in the day bands near it.
  // Before the grid is measured, the window's height stands in for its own.
  const [viewport, setViewport] = useState(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight }));
  const scrolling = useRef(0);
  const onScroll = () => {
    cancelAnimationFrame(scrolling.current);
    scrolling.current = requestAnimationFrame(() => {
      const el = root.current;
      if (el) setViewport({ top: el.scrollTop, height: el.clientHeight });
    });
  };
  const near = useMemo(() => {
    let y = HEADER_PX;
    return bands.map((band, b) => {
      const top = y;
      y += (band.head?.label ? BAND_HEAD_PX : 0) + (hours[1] - hours[0]) * scale[b];
      return y >= viewport.top - viewport.height / 2 && top <= viewport.top + 1.5 * viewport.height;
    });
  }, [bands, hours, scale, viewport]);
  const columnCount = header.length;

  const pieces = useMemo(() => {
    const index = indexEvents(events);
    return bands.map((band) => band.columns.map((column) => piecesFor(column, index)));
  }, [bands, events]);

  const ghost = useMemo<GridEvent | null>(() => {
    if (drag?.kind !== 'move' || !drag.moved) return null;
    const to = dragged(drag.event, drag.mode, drag.from, drag.to, step);
    return { ...drag.event, ...to, id: `${drag.event.id}:ghost` };
  }, [drag, step]);

  const columnAt = (cell: Cell): GridColumn | undefined => bands[cell.band]?.columns[cell.col];

  const cellFromPoint = (x: number, y: number): { cell: Cell; minute: number; el: HTMLElement } | null => {
    const hit = document.elementsFromPoint(x, y).find((el) => (el as HTMLElement).dataset?.cell !== undefined) as HTMLElement | undefined;
    if (!hit) return null;
    const [band, col] = hit.dataset.cell!.split(':').map(Number);
    return { cell: { band, col }, minute: minuteIn(hit, y, band), el: hit };
  };

  const minuteIn = (el: HTMLElement, y: number, band: number) => hours[0] + (y - el.getBoundingClientRect().top) / scale[band];

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    const evEl = target.closest<HTMLElement>('[data-event]');
    const at = cellFromPoint(e.clientX, e.clientY);
    if (!at) return;
    const column = columnAt(at.cell);
    if (!column) return;
    if (evEl) {
      const event = events.find((x) => x.id === evEl.dataset.event);
      if (!event) return;
      // The top and bottom edges (HANDLE px) resize: the cursor says so (see .vc-ev--movable).
      const box = evEl.getBoundingClientRect();
      const edge = (y: number) => event.movable && Math.abs(e.clientY - y) <= HANDLE;
      const mode: DragMode =
        edge(box.bottom) && !evEl.classList.contains('vc-ev--cont-after') ? 'resize-end' : edge(box.top) && !evEl.classList.contains('vc-ev--cont-before') ? 'resize-start' : 'move';
      const minute = Math.round(at.minute);
      setDrag({ kind: 'move', mode, event, from: { date: column.date, minute }, to: { date: column.date, minute, venueId: column.venueId }, moved: false, x: e.clientX, y: e.clientY, byKeys: false });
    } else {
      e.preventDefault();
      root.current?.focus({ preventScroll: true });
      setDrag({ kind: 'select', cell: at.cell, anchor: at.minute, current: at.minute });
    }
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    if (drag.kind === 'select') {
      const el = root.current?.querySelector<HTMLElement>(`[data-cell="${drag.cell.band}:${drag.cell.col}"]`);
      if (el) setDrag({ ...drag, current: minuteIn(el, e.clientY, drag.cell.band) });
      return;
    }
    if (drag.byKeys || !drag.event.movable) return;
    const far = Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4;
    if (!drag.moved && !far) return;
    const at = cellFromPoint(e.clientX, e.clientY);
    const column = at && columnAt(at.cell);
    if (!at || !column) return;
    // Snap the movement, not the pointer: a booking at 09:10 moved by 15 lands at 09:25.
    const delta = Math.round((at.minute - drag.from.minute) / step) * step;
    const venueId = drag.mode === 'move' ? column.venueId : drag.event.venueId;
    setDrag({ ...drag, moved: true, to: { date: column.date, minute: drag.from.minute + delta, venueId } });
  };

  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.kind === 'select') {
      const column = columnAt(drag.cell);
      if (!column) return;
      const moved = Math.abs(drag.current - drag.anchor) >= step / 2;
      // A click asks for an hour from the slot clicked; a drag for what was dragged over.
      const [from, to] = moved ? selectionRange(drag.anchor, drag.current, step, [0, 1440]) : selectionRange(drag.anchor, Math.floor(drag.anchor / step) * step + 60, step, [0, 1440]);
      setCursor({ cell: drag.cell, from, to });
      onSelectSlot?.({ date: column.date, venueId: column.venueId, from, to });
      return;
    }
    if (drag.byKeys) return;
    if (!drag.moved) {
      onOpen?.(drag.event.id);
      return;
    }
    const to = dragged(drag.event, drag.mode, drag.from, drag.to, step);
    if (to.start !== drag.event.start || to.end !== drag.event.end || to.venueId !== drag.event.venueId) onMove?.(drag.event.id, to);
  };

  // The keyboard cursor over empty time.
  const ensureCursor = () => cursor ?? { cell: { band: 0, col: 0 }, from: Math.max(hours[0], 9 * 60), to: Math.max(hours[0], 9 * 60) + 60 };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(e) || e.target !== root.current) return;
    const c = ensureCursor();
    const len = c.to - c.from;
    const clampCell = (cell: Cell): Cell => ({ band: Math.max(0, Math.min(bands.length - 1, cell.band)), col: Math.max(0, Math.min(columnCount - 1, cell.col)) });
    let next = c;
    switch (e.key) {
      case 'ArrowUp':
        next = e.shiftKey ? { ...c, to: Math.max(c.from + step, c.to - step) } : { ...c, from: Math.max(hours[0], c.from - step), to: Math.max(hours[0], c.from - step) + len };
        break;
      case 'ArrowDown':
        next = e.shiftKey ? { ...c, to: Math.min(hours[1], c.to + step) } : { ...c, from: Math.min(hours[1] - len, c.from + step), to: Math.min(hours[1] - len, c.from + step) + len };
        break;
      case 'ArrowLeft':
        next = { ...c, cell: clampCell({ ...c.cell, col: c.cell.col - 1 }) };
        break;
      case 'ArrowRight':
        next = { ...c, cell: clampCell({ ...c.cell, col: c.cell.col + 1 }) };
        break;
      case 'PageUp':
        next = { ...c, cell: clampCell({ ...c.cell, band: c.cell.band - 1 }) };
        break;
      case 'PageDown':
        next = { ...c, cell: clampCell({ ...c.cell, band: c.cell.band + 1 }) };
        break;
      case 'Enter': {
        const column = columnAt(c.cell);
        if (column) onSelectSlot?.({ date: column.date, venueId: column.venueId, from: c.from, to: c.to });
        e.preventDefault();
        return;
      }
      default:
        return;
    }
    e.preventDefault();
    setCursor(next);
    root.current?.querySelector(`[data-cell="${next.cell.band}:${next.cell.col}"]`)?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  };

  // A booking moved from the keyboard lands in another cell (a new element): give it the focus back.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-event="${CSS.escape(id)}"]`);
    if (el && el !== document.activeElement) {
      el.focus();
      refocus.current = null;
    }
  }, [events]);

  const onEventKeyDown = (e: KeyboardEvent<HTMLElement>, event: GridEvent, column: GridColumn) => {
    if (isComposing(e)) return;
    const moving = drag?.kind === 'move' && drag.byKeys && drag.event.id === event.id ? drag : null;
    if (e.key === 'Escape' && moving) {
      e.preventDefault();
      e.stopPropagation();
      setDrag(null);
      return;
    }
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      if (moving) {
        setDrag(null);
        const to = dragged(moving.event, moving.mode, moving.from, moving.to, step);
        if (moving.moved) {
          refocus.current = event.id;
          onMove?.(event.id, to);
        }
      } else onOpen?.(event.id);
      return;
    }
    if (!e.altKey || !event.movable || !e.key.startsWith('Arrow')) return;
    e.preventDefault();
    const start = taipeiMinute(event.start);
    const base = moving ?? {
      kind: 'move' as const,
      mode: (e.shiftKey ? 'resize-end' : 'move') as DragMode,
      event,
      from: { date: column.date, minute: start.minute },
      to: { date: column.date, minute: start.minute, venueId: event.venueId },
      moved: false,
      x: 0,
      y: 0,
      byKeys: true,
    };
    const mode: DragMode = e.shiftKey ? 'resize-end' : base.mode === 'resize-end' && base.moved ? 'resize-end' : 'move';
    let { date, minute, venueId } = base.to;
    if (e.key === 'ArrowUp') minute -= step;
    if (e.key === 'ArrowDown') minute += step;
    if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      // Sideways: the next column, a day or a room, whichever the columns are.
      const at = locate(bands, date, venueId);
      const band = bands[at?.band ?? 0];
      const col = Math.max(0, Math.min(columnCount - 1, (at?.col ?? 0) + (e.key === 'ArrowLeft' ? -1 : 1)));
      const target = band?.columns[col];
      if (target) {
        date = target.date;
        venueId = mode === 'move' ? target.venueId : venueId;
      }
    }
    setDrag({ ...base, mode, moved: true, to: { date, minute, venueId } });
  };

  const gridStyle: CSSProperties = {
    gridTemplateColumns: `56px repeat(${columnCount}, minmax(${minColumnWidth}px, 1fr))`,
    ...style,
  };

  return (
    <div
      ref={root}
      className={`vc-grid${focused ? ' vc-grid--focused' : ''}`}
      style={gridStyle}
      role="application"
      aria-label={ariaLabel}
      tabIndex={0}
      onFocus={(e) => e.target === root.current && setFocused(true)}
      onBlur={() => setFocused(false)}
      onKeyDown={onGridKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDrag(null)}
      onScroll={onScroll}
    >
      <div className="vc-corner" />
      {header.map((h) => (
        <div key={h.key} className={`vc-head${h.tone ? ` vc-tone-${h.tone}` : ''}`} role="columnheader" title={h.title}>
          <div className="vc-head-label">{h.label}</div>
          {h.sub && <div className="vc-head-sub">{h.sub}</div>}
        </div>
      ))}
      {bands.map((band, b) => (
        <BandRows
          key={band.key}
          band={band}
          b={b}
          columnCount={columnCount}
          hours={hours}
          perMin={scale[b]}
          compact={scale[b] * 60 !== pxPerHour}
          pieces={near[b] ? pieces[b] : NO_PIECES}
          ghost={ghost}
          selectedId={selectedId}
          dragging={drag?.kind === 'move' && drag.moved ? drag.event.id : null}
          selection={drag?.kind === 'select' && drag.cell.band === b ? { col: drag.cell.col, range: selectionRange(drag.anchor, drag.current, step, [0, 1440]) } : null}
          cursor={
            focused && !drag && cursor?.cell.band === b
              ? { col: cursor.cell.col, range: [cursor.from, cursor.to] }
              : focused && !drag && !cursor && b === 0
                ? { col: 0, range: [ensureCursor().from, ensureCursor().to] }
                : null
          }
          onEventKeyDown={onEventKeyDown}
        />
      ))}
    </div>
  );
}

function locate(bands: readonly GridBand[], date: string, venueId: string): Cell | null {
  for (let b = 0; b < bands.length; b++) {
    const col = bands[b].columns.findIndex((c) => c.date === date && c.venueId === venueId);
    if (col >= 0) return { band: b, col };
  }
  return null;
}

interface BandProps {
  band: GridBand & { head?: BandHead };
  b: number;
  columnCount: number;
  hours: [number, number];
  perMin: number;
  compact: boolean;
  pieces: Piece[][];
  ghost: GridEvent | null;
  selectedId?: string | null;
  dragging: string | null;
  selection: { col: number; range: [number, number] } | null;
  cursor: { col: number; range: [number, number] } | null;
  onEventKeyDown(e: KeyboardEvent<HTMLElement>, event: GridEvent, column: GridColumn): void;
}

function BandRows({ band, b, columnCount, hours, perMin, compact, pieces, ghost, selectedId, dragging, selection, cursor, onEventKeyDown }: BandProps) {
  const bodyHeight = (hours[1] - hours[0]) * perMin;
  const hourMarks = [];
  // A squeezed band (a day off) keeps one time mark in three.
  for (let m = Math.ceil(hours[0] / 60) * 60; m < hours[1]; m += compact ? 180 : 60) hourMarks.push(m);
  const y = (m: number) => (Math.max(hours[0], Math.min(hours[1], m)) - hours[0]) * perMin;
  return (
    <>
      {band.head?.label && (
        <div className={`vc-band-head${band.head.tone ? ` vc-tone-${band.head.tone}` : ''}`} style={{ gridColumn: `1 / span ${columnCount + 1}` }}>
          {band.head.label}
        </div>
      )}
      <div className="vc-axis" style={{ height: bodyHeight }}>
        {hourMarks.map((m) => (
          <span key={m} style={{ top: y(m) }}>
            {clock(m)}
          </span>
        ))}
      </div>
      {band.columns.map((column, c) => (
        <div
          key={column.key}
          data-cell={`${b}:${c}`}
          className={`vc-cell${column.noteTone ? ` vc-tone-${column.noteTone}` : ''}${column.open ? '' : ' vc-cell--closed'}${compact ? ' vc-cell--compact' : ''}`}
          style={{ height: bodyHeight, backgroundSize: `100% ${perMin * 60}px`, backgroundPositionY: `${-((hours[0] % 60) * perMin)}px` }}
        >
          {column.open && column.open[0] > hours[0] && <div className="vc-shut" style={{ top: 0, height: y(column.open[0]) }} />}
          {column.open && column.open[1] < hours[1] && <div className="vc-shut" style={{ top: y(column.open[1]), bottom: 0 }} />}
          {column.note && <div className="vc-note">{column.note}</div>}
          {pieces[c]?.map((p) => (
            <EventBlock key={p.event.id} piece={p} y={y} selected={p.event.id === selectedId} faded={p.event.id === dragging} column={column} onKeyDown={onEventKeyDown} />
          ))}
          {ghost &&
            piecesFor(column, [ghost]).map((p) => (
              <div key="ghost" className={`vc-ev vc-ev--ghost vc-ev--${p.event.tone}`} style={{ top: y(p.from), height: Math.max(8, y(p.to) - y(p.from)) }} aria-hidden>
                <span className="vc-ev-time">
                  {clock(p.from)}–{clock(p.to)}
                </span>
              </div>
            ))}
          {selection?.col === c && (
            <div className="vc-select" style={{ top: y(selection.range[0]), height: y(selection.range[1]) - y(selection.range[0]) }} aria-hidden>
              {clock(selection.range[0])}–{clock(selection.range[1])}
            </div>
          )}
          {cursor?.col === c && (
            <div className="vc-cursor" style={{ top: y(cursor.range[0]), height: y(cursor.range[1]) - y(cursor.range[0]) }} data-testid="grid-cursor">
              {clock(cursor.range[0])}–{clock(cursor.range[1])}
            </div>
          )}
        </div>
      ))}
    </>
  );
}

function EventBlock({
  piece,
  y,
  selected,
  faded,
  column,
  onKeyDown,
}: {
  piece: Piece;
  y: (m: number) => number;
  selected: boolean;
  faded: boolean;
  column: GridColumn;
  onKeyDown: BandProps['onEventKeyDown'];
}) {
  const { event } = piece;
  const width = 100 / piece.lanes;
  const left = `calc(${piece.lane * width}% + 1px)`;
  const w = `calc(${width}% - 3px)`;
  const top = y(piece.from);
  const height = Math.max(14, y(piece.to) - top);
  const classes = [
    'vc-ev',
    `vc-ev--${event.tone}`,
    event.movable && 'vc-ev--movable',
    selected && 'vc-ev--selected',
    faded && 'vc-ev--faded',
    piece.continuesBefore && 'vc-ev--cont-before',
    piece.continuesAfter && 'vc-ev--cont-after',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {(piece.bufferFrom < piece.from || piece.bufferTo > piece.to) && (
        <div className="vc-buffer" style={{ left, width: w, top: y(piece.bufferFrom), height: Math.max(2, y(piece.bufferTo) - y(piece.bufferFrom)) }} aria-hidden />
      )}
      {piece.to > piece.from && (
        <div
          className={classes}
          data-event={event.id}
          role="button"
          tabIndex={0}
          aria-label={event.label}
          title={event.label}
          style={{ left, width: w, top, height }}
          onKeyDown={(e) => onKeyDown(e, event, column)}
        >
          <div className="vc-ev-line">
            <span className="vc-ev-time">{piece.continuesBefore ? '…' : clock(taipeiMinute(event.start).minute)}</span>
            {event.badge && <span className="vc-ev-badge">{event.badge}</span>}
            <span className="vc-ev-title">{event.title}</span>
          </div>
          {event.detail && height > 30 && <div className="vc-ev-detail">{event.detail}</div>}
        </div>
      )}
    </>
  );
}
