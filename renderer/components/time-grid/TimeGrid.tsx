/**
 * The resource × time grid, built on CSS grid: a sticky header of columns (days of one
 * resource, or the resources side by side: the rooms of a site, the vehicles of a pool),
 * one or more day bands below it (one band per day when the columns are resources), and a
 * time axis on the left. The desk says what its items are: their states' colours (`tones`),
 * their titles and the labels a screen reader reads; the grid writes no words of its own.
 *
 * - Drag over empty time (or move the cursor with the arrow keys and press Enter) to
 *   ask for a new item there: `onSelectSlot`.
 * - Drag an item to another time, day or resource, or drag its lower edge to change its end:
 *   `onMove` with where it would go; the caller runs the mutation, and if that is refused
 *   the item simply stays where the data says it is. From the keyboard: Alt+arrows on a
 *   focused item move it (Alt+Shift+↑/↓ change its end), Enter confirms, Esc cancels.
 * - Click or Enter on an item: `onOpen`.
 * - Drop something dragged from outside the grid (a request from a queue) onto a column:
 *   `onDropData` with the dragged data of type `dropType` and where it was dropped.
 *
 * `orientation="rows"` turns it a quarter: the resources are rows (a vehicle, a driver),
 * time runs across, and the day bands of a week sit side by side; each day stretches to
 * the width there is. The same keys work along the turned axes: ←/→ move in time, ↑/↓
 * go to the resource above or below (Alt and Alt+Shift likewise for a focused item).
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { isComposing } from '../ime';
import {
  clock,
  dragged,
  indexItems,
  piecesFor,
  selectionRange,
  taipeiMinute,
  type DayTone,
  type DragMode,
  type DragResult,
  type GridBand,
  type GridColumn,
  type GridItem,
  type GridResource,
  type ItemTone,
  type Piece,
} from './grid-logic';
import './time-grid.css';

/** A column of the header: a resource (see resourceHeads) or a day of one resource. */
export interface ColumnHead {
  key: string;
  label: ReactNode;
  sub?: ReactNode;
  /** The tooltip: more than the header has room for. */
  title?: string;
  tone?: DayTone;
  /** Rows orientation: a heading row drawn above this resource (the drivers below the vehicles). */
  section?: ReactNode;
}

/** Resources side by side as the header's columns. */
export function resourceHeads(resources: readonly GridResource[]): ColumnHead[] {
  return resources.map((r) => ({ key: r.id, label: r.label, sub: r.sub, title: r.title }));
}

export interface BandHead {
  label?: ReactNode;
  tone?: DayTone;
}

export interface SlotChoice {
  date: string;
  resourceId: string;
  /** Minutes of the day. */
  from: number;
  to: number;
}

export interface TimeGridProps {
  header: ColumnHead[];
  bands: (GridBand & { head?: BandHead })[];
  items: readonly GridItem[];
  /** The colours of each state an item's `tone` names; an unknown state is drawn grey. */
  tones: Readonly<Record<string, ItemTone>>;
  /** Minutes of the day shown [from, to). */
  hours: [number, number];
  pxPerHour?: number;
  /** Minutes a drag snaps to. */
  step?: number;
  selectedId?: string | null;
  ariaLabel: string;
  /** Pixels per hour of a band whose columns are all closed (a day off): small, yet its items still show. */
  closedPxPerHour?: number;
  /** Width of a column at least (px; in rows orientation, of a day band); the grid scrolls sideways beyond that. */
  minColumnWidth?: number;
  /** 'columns' (default): resources side by side, time running down. 'rows': resources one under the other, time running across. */
  orientation?: 'columns' | 'rows';
  /** Rows orientation: the height of a resource's row and the width of the labels column (px). */
  rowHeight?: number;
  labelWidth?: number;
  /** A new item dragged out where the user may not create one (closed day) is still offered; the caller's form says why. */
  onSelectSlot?(slot: SlotChoice): void;
  onOpen?(itemId: string): void;
  onMove?(itemId: string, to: DragResult): void;
  /** The data type (DataTransfer) the grid accepts dropped from outside it, e.g. 'application/x-trip-request'. */
  dropType?: string;
  onDropData?(data: string, at: { date: string; resourceId: string; minute: number }): void;
  style?: CSSProperties;
}

type Cell = { band: number; col: number };

type Drag =
  | { kind: 'select'; cell: Cell; anchor: number; current: number }
  | {
      kind: 'move';
      mode: DragMode;
      item: GridItem;
      from: { date: string; minute: number };
      to: { date: string; minute: number; resourceId: string };
      moved: boolean;
      x: number;
      y: number;
      byKeys: boolean;
    };

const HANDLE = 6;
/** The header's and a day band's title row height (see time-grid.css), to know which bands are in view. */
const HEADER_PX = 42;
const BAND_HEAD_PX = 22;
const NO_PIECES: Piece[][] = [];
/** Rows orientation: the arrow keys turned with the axes (time across, resources down). */
const TURNED: Record<string, string> = { ArrowLeft: 'ArrowUp', ArrowRight: 'ArrowDown', ArrowUp: 'ArrowLeft', ArrowDown: 'ArrowRight' };

/** Where a stretch of minutes sits along the time axis, at least `min` px long; and where a lane sits across it. */
type Along = (from: number, to: number, min: number) => CSSProperties;
type Across = (lane: number, lanes: number) => CSSProperties;

export function TimeGrid({
  header,
  bands,
  items,
  tones,
  hours,
  pxPerHour = 44,
  closedPxPerHour,
  step = 15,
  selectedId,
  ariaLabel,
  minColumnWidth = 104,
  orientation = 'columns',
  rowHeight = 40,
  labelWidth = 132,
  onSelectSlot,
  onOpen,
  onMove,
  dropType,
  onDropData,
  style,
}: TimeGridProps) {
  const scale = useMemo(() => bands.map((band) => (closedPxPerHour && band.columns.every((c) => !c.open) ? closedPxPerHour : pxPerHour) / 60), [bands, pxPerHour, closedPxPerHour]);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [cursor, setCursor] = useState<{ cell: Cell; from: number; to: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  // Which part of the grid is in view: items are laid out only in the day bands near it.
  // The grid may scroll itself, or grow and leave the scrolling to the page around it (a
  // site's week at 1280×800): what counts is the part the window shows. Before the grid is
  // measured, the window's height stands in for it.
  const [viewport, setViewport] = useState(() => ({ top: 0, height: typeof window === 'undefined' ? 800 : window.innerHeight }));
  const nearOf = (v: { top: number; height: number }) => {
    let y = HEADER_PX;
    return bands.map((band, b) => {
      const top = y;
      y += (band.head?.label ? BAND_HEAD_PX : 0) + (hours[1] - hours[0]) * scale[b];
      return y >= v.top - v.height / 2 && top <= v.top + 1.5 * v.height;
    });
  };
  const rows = orientation === 'rows';
  const near = useMemo(
    // Turned, the days sit side by side: all of them are in view.
    () => (rows ? bands.map(() => true) : nearOf(viewport)),
    // `nearOf` is described by these.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [bands, hours, scale, viewport, rows],
  );
  const latest = useRef({ nearOf });
  latest.current.nearOf = nearOf;
  const scrolling = useRef(0);
  const measure = () => {
    const el = root.current;
    if (!el) return;
    const box = el.getBoundingClientRect();
    const from = Math.max(box.top, 0);
    const to = Math.min(box.bottom, window.innerHeight);
    // Not shown (a hidden tab): keep what was known.
    if (to <= from) return;
    const next = { top: Math.round(el.scrollTop + from - box.top), height: Math.round(to - from) };
    // Drawn again only when other bands come near, not on every pixel scrolled.
    const nearNext = latest.current.nearOf(next);
    setViewport((v) => (latest.current.nearOf(v).every((n, b) => n === nearNext[b]) ? v : next));
  };
  // Measured before the paint whenever the bands change (another day, week or room), and on
  // scrolling or resizing. Scroll events do not bubble: they are caught on the way down,
  // from the grid or any scroller around it.
  useLayoutEffect(measure, [bands]);
  useEffect(() => {
    const onMove = () => {
      cancelAnimationFrame(scrolling.current);
      scrolling.current = requestAnimationFrame(measure);
    };
    window.addEventListener('scroll', onMove, { capture: true, passive: true });
    window.addEventListener('resize', onMove);
    return () => {
      cancelAnimationFrame(scrolling.current);
      window.removeEventListener('scroll', onMove, { capture: true });
      window.removeEventListener('resize', onMove);
    };
    // `measure` reads the element, the window and the latest bands (through a ref).
  }, []);
  const columnCount = header.length;

  const pieces = useMemo(() => {
    const index = indexItems(items);
    return bands.map((band) => band.columns.map((column) => piecesFor(column, index)));
  }, [bands, items]);

  const ghost = useMemo<GridItem | null>(() => {
    if (drag?.kind !== 'move' || !drag.moved) return null;
    const to = dragged(drag.item, drag.mode, drag.from, drag.to, step);
    return { ...drag.item, ...to, id: `${drag.item.id}:ghost` };
  }, [drag, step]);

  const columnAt = (cell: Cell): GridColumn | undefined => bands[cell.band]?.columns[cell.col];

  const cellFromPoint = (x: number, y: number): { cell: Cell; minute: number; el: HTMLElement } | null => {
    const hit = document.elementsFromPoint(x, y).find((el) => (el as HTMLElement).dataset?.cell !== undefined) as HTMLElement | undefined;
    if (!hit) return null;
    const [band, col] = hit.dataset.cell!.split(':').map(Number);
    return { cell: { band, col }, minute: minuteIn(hit, x, y, band), el: hit };
  };

  const minuteIn = (el: HTMLElement, x: number, y: number, band: number) => {
    const box = el.getBoundingClientRect();
    return rows ? hours[0] + ((x - box.left) / Math.max(1, box.width)) * (hours[1] - hours[0]) : hours[0] + (y - box.top) / scale[band];
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const target = e.target as HTMLElement;
    const itemEl = target.closest<HTMLElement>('[data-item]');
    const at = cellFromPoint(e.clientX, e.clientY);
    if (!at) return;
    const column = columnAt(at.cell);
    if (!column) return;
    if (itemEl) {
      const item = items.find((x) => x.id === itemEl.dataset.item);
      if (!item) return;
      // The top and bottom edges (HANDLE px) resize: the cursor says so (see .tg-item--movable).
      const box = itemEl.getBoundingClientRect();
      const pos = rows ? e.clientX : e.clientY;
      const edge = (p: number) => item.movable && Math.abs(pos - p) <= HANDLE;
      const [begin, end] = rows ? [box.left, box.right] : [box.top, box.bottom];
      const mode: DragMode =
        edge(end) && !itemEl.classList.contains('tg-item--cont-after') ? 'resize-end' : edge(begin) && !itemEl.classList.contains('tg-item--cont-before') ? 'resize-start' : 'move';
      const minute = Math.round(at.minute);
      setDrag({
        kind: 'move',
        mode,
        item,
        from: { date: column.date, minute },
        to: { date: column.date, minute, resourceId: column.resourceId },
        moved: false,
        x: e.clientX,
        y: e.clientY,
        byKeys: false,
      });
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
      if (el) setDrag({ ...drag, current: minuteIn(el, e.clientX, e.clientY, drag.cell.band) });
      return;
    }
    if (drag.byKeys || !drag.item.movable) return;
    const far = Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 4;
    if (!drag.moved && !far) return;
    const at = cellFromPoint(e.clientX, e.clientY);
    const column = at && columnAt(at.cell);
    if (!at || !column) return;
    // Snap the movement, not the pointer: an item at 09:10 moved by 15 lands at 09:25.
    const delta = Math.round((at.minute - drag.from.minute) / step) * step;
    const resourceId = drag.mode === 'move' ? column.resourceId : drag.item.resourceId;
    setDrag({ ...drag, moved: true, to: { date: column.date, minute: drag.from.minute + delta, resourceId } });
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
      onSelectSlot?.({ date: column.date, resourceId: column.resourceId, from, to });
      return;
    }
    if (drag.byKeys) return;
    if (!drag.moved) {
      onOpen?.(drag.item.id);
      return;
    }
    const to = dragged(drag.item, drag.mode, drag.from, drag.to, step);
    if (to.start !== drag.item.start || to.end !== drag.item.end || to.resourceId !== drag.item.resourceId) onMove?.(drag.item.id, to);
  };

  // The keyboard cursor over empty time.
  const ensureCursor = () => cursor ?? { cell: { band: 0, col: 0 }, from: Math.max(hours[0], 9 * 60), to: Math.max(hours[0], 9 * 60) + 60 };

  const onGridKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isComposing(e) || e.target !== root.current) return;
    const c = ensureCursor();
    const len = c.to - c.from;
    const clampCell = (cell: Cell): Cell => ({ band: Math.max(0, Math.min(bands.length - 1, cell.band)), col: Math.max(0, Math.min(columnCount - 1, cell.col)) });
    let next = c;
    switch (rows ? (TURNED[e.key] ?? e.key) : e.key) {
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
        if (column) onSelectSlot?.({ date: column.date, resourceId: column.resourceId, from: c.from, to: c.to });
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

  // An item moved from the keyboard lands in another cell (a new element): give it the focus back.
  const refocus = useRef<string | null>(null);
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    const el = root.current?.querySelector<HTMLElement>(`[data-item="${CSS.escape(id)}"]`);
    if (el && el !== document.activeElement) {
      el.focus();
      refocus.current = null;
    }
  }, [items]);

  const onItemKeyDown = (e: KeyboardEvent<HTMLElement>, item: GridItem, column: GridColumn) => {
    if (isComposing(e)) return;
    const moving = drag?.kind === 'move' && drag.byKeys && drag.item.id === item.id ? drag : null;
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
        const to = dragged(moving.item, moving.mode, moving.from, moving.to, step);
        if (moving.moved) {
          refocus.current = item.id;
          onMove?.(item.id, to);
        }
      } else onOpen?.(item.id);
      return;
    }
    const key = rows ? (TURNED[e.key] ?? e.key) : e.key;
    if (!e.altKey || !item.movable || !key.startsWith('Arrow')) return;
    e.preventDefault();
    const start = taipeiMinute(item.start);
    const base = moving ?? {
      kind: 'move' as const,
      mode: (e.shiftKey ? 'resize-end' : 'move') as DragMode,
      item,
      from: { date: column.date, minute: start.minute },
      to: { date: column.date, minute: start.minute, resourceId: item.resourceId },
      moved: false,
      x: 0,
      y: 0,
      byKeys: true,
    };
    const mode: DragMode = e.shiftKey ? 'resize-end' : base.mode === 'resize-end' && base.moved ? 'resize-end' : 'move';
    let { date, minute, resourceId } = base.to;
    if (key === 'ArrowUp') minute -= step;
    if (key === 'ArrowDown') minute += step;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      // Sideways: the next column, a day or a resource, whichever the columns are.
      const at = locate(bands, date, resourceId);
      const band = bands[at?.band ?? 0];
      const col = Math.max(0, Math.min(columnCount - 1, (at?.col ?? 0) + (key === 'ArrowLeft' ? -1 : 1)));
      const target = band?.columns[col];
      if (target) {
        date = target.date;
        resourceId = mode === 'move' ? target.resourceId : resourceId;
      }
    }
    setDrag({ ...base, mode, moved: true, to: { date, minute, resourceId } });
  };

  const gridStyle: CSSProperties = {
    gridTemplateColumns: rows ? `${labelWidth}px repeat(${bands.length}, minmax(${minColumnWidth}px, 1fr))` : `56px repeat(${columnCount}, minmax(${minColumnWidth}px, 1fr))`,
    ...style,
  };
  const dragging = drag?.kind === 'move' && drag.moved ? drag.item.id : null;
  const selectionOf = (b: number) => (drag?.kind === 'select' && drag.cell.band === b ? { col: drag.cell.col, range: selectionRange(drag.anchor, drag.current, step, [0, 1440]) } : null);
  const cursorOf = (b: number): { col: number; range: [number, number] } | null =>
    focused && !drag && cursor?.cell.band === b
      ? { col: cursor.cell.col, range: [cursor.from, cursor.to] }
      : focused && !drag && !cursor && b === 0
        ? { col: 0, range: [ensureCursor().from, ensureCursor().to] }
        : null;
  const inBand = (cell: { col: number; range: [number, number] } | null, b: number) => (cell ? { ...cell, band: b } : null);

  return (
    <div
      ref={root}
      className={`tg-grid${rows ? ' tg-grid--rows' : ''}${focused ? ' tg-grid--focused' : ''}`}
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
      onDragOver={(e) => {
        if (dropType && onDropData && e.dataTransfer.types.includes(dropType)) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!dropType || !onDropData) return;
        const data = e.dataTransfer.getData(dropType);
        const at = cellFromPoint(e.clientX, e.clientY);
        const column = at && columnAt(at.cell);
        if (!data || !at || !column) return;
        e.preventDefault();
        onDropData(data, { date: column.date, resourceId: column.resourceId, minute: Math.round(at.minute) });
      }}
    >
      <div className="tg-corner" />
      {rows ? (
        <RowsBody
          header={header}
          bands={bands}
          columnCount={columnCount}
          hours={hours}
          rowHeight={rowHeight}
          pieces={pieces}
          ghost={ghost}
          tones={tones}
          selectedId={selectedId}
          dragging={dragging}
          selection={bands.map((_, b) => inBand(selectionOf(b), b)).find(Boolean) ?? null}
          cursor={bands.map((_, b) => inBand(cursorOf(b), b)).find(Boolean) ?? null}
          onItemKeyDown={onItemKeyDown}
        />
      ) : (
        <>
          {header.map((h) => (
            <div key={h.key} className={`tg-head${h.tone ? ` tg-day--${h.tone}` : ''}`} role="columnheader" title={h.title}>
              <div className="tg-head-label">{h.label}</div>
              {h.sub && <div className="tg-head-sub">{h.sub}</div>}
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
              tones={tones}
              selectedId={selectedId}
              dragging={dragging}
              selection={selectionOf(b)}
              cursor={cursorOf(b)}
              onItemKeyDown={onItemKeyDown}
            />
          ))}
        </>
      )}
    </div>
  );
}

/** An item's colours as the custom properties time-grid.css draws it with (also for a desk's legend or month chips). */
export function toneStyle(tone: ItemTone | undefined): CSSProperties {
  if (!tone) return {};
  return { '--tg-item-bg': tone.background, '--tg-item-fg': tone.color, '--tg-item-border': tone.border } as CSSProperties;
}

function locate(bands: readonly GridBand[], date: string, resourceId: string): Cell | null {
  for (let b = 0; b < bands.length; b++) {
    const col = bands[b].columns.findIndex((c) => c.date === date && c.resourceId === resourceId);
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
  ghost: GridItem | null;
  tones: Readonly<Record<string, ItemTone>>;
  selectedId?: string | null;
  dragging: string | null;
  selection: { col: number; range: [number, number] } | null;
  cursor: { col: number; range: [number, number] } | null;
  onItemKeyDown(e: KeyboardEvent<HTMLElement>, item: GridItem, column: GridColumn): void;
}

function BandRows({ band, b, columnCount, hours, perMin, compact, pieces, ghost, tones, selectedId, dragging, selection, cursor, onItemKeyDown }: BandProps) {
  const bodyHeight = (hours[1] - hours[0]) * perMin;
  const hourMarks = [];
  // A squeezed band (a day off) keeps one time mark in three.
  for (let m = Math.ceil(hours[0] / 60) * 60; m < hours[1]; m += compact ? 180 : 60) hourMarks.push(m);
  const y = (m: number) => (Math.max(hours[0], Math.min(hours[1], m)) - hours[0]) * perMin;
  const along: Along = (from, to, min) => ({ top: y(from), height: Math.max(min, y(to) - y(from)) });
  const across: Across = (lane, lanes) => ({ left: `calc(${(lane * 100) / lanes}% + 1px)`, width: `calc(${100 / lanes}% - 3px)` });
  return (
    <>
      {band.head?.label && (
        <div className={`tg-band-head${band.head.tone ? ` tg-day--${band.head.tone}` : ''}`} style={{ gridColumn: `1 / span ${columnCount + 1}` }}>
          {band.head.label}
        </div>
      )}
      <div className="tg-axis" style={{ height: bodyHeight }}>
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
          className={`tg-cell${column.noteTone ? ` tg-day--${column.noteTone}` : ''}${column.open ? '' : ' tg-cell--closed'}${compact ? ' tg-cell--compact' : ''}`}
          style={{ height: bodyHeight, backgroundSize: `100% ${perMin * 60}px`, backgroundPositionY: `${-((hours[0] % 60) * perMin)}px` }}
        >
          <CellBody
            column={column}
            c={c}
            hours={hours}
            along={along}
            across={across}
            roomy={(p) => y(p.to) - y(p.from) > 30}
            pieces={pieces[c]}
            ghost={ghost}
            tones={tones}
            selectedId={selectedId}
            dragging={dragging}
            selection={selection}
            cursor={cursor}
            onItemKeyDown={onItemKeyDown}
          />
        </div>
      ))}
    </>
  );
}

interface RowsProps extends Omit<BandProps, 'band' | 'b' | 'perMin' | 'compact' | 'pieces' | 'selection' | 'cursor'> {
  header: ColumnHead[];
  bands: (GridBand & { head?: BandHead })[];
  rowHeight: number;
  pieces: Piece[][][];
  selection: { band: number; col: number; range: [number, number] } | null;
  cursor: { band: number; col: number; range: [number, number] } | null;
}

/** The grid turned: a row per resource, the day bands side by side, time running across each. */
function RowsBody({ header, bands, hours, rowHeight, pieces, ghost, tones, selectedId, dragging, selection, cursor, onItemKeyDown }: RowsProps) {
  const span = hours[1] - hours[0];
  const pct = (m: number) => ((Math.max(hours[0], Math.min(hours[1], m)) - hours[0]) / span) * 100;
  const along: Along = (from, to, min) => ({ left: `${pct(from)}%`, width: `max(${min}px, ${pct(to) - pct(from)}%)` });
  const across: Across = (lane, lanes) => ({ top: `calc(${(lane * 100) / lanes}% + 2px)`, height: `calc(${100 / lanes}% - 4px)` });
  // A week's days are narrow: a time mark every six hours there, every hour in a day.
  const every = bands.length > 1 ? 360 : 60;
  const marks: number[] = [];
  for (let m = Math.ceil(hours[0] / every) * every; m < hours[1]; m += every) marks.push(m);
  const lines = { backgroundSize: `${(6000 / span) * (bands.length > 1 ? 3 : 1)}% 100%` };
  return (
    <>
      {bands.map((band) => (
        <div key={band.key} className={`tg-head tg-time-head${band.head?.tone ? ` tg-day--${band.head.tone}` : ''}`} role="columnheader">
          {band.head?.label && <div className="tg-head-label">{band.head.label}</div>}
          <div className="tg-time-marks">
            {marks.map((m) => (
              <span key={m} style={{ left: `${pct(m)}%` }}>
                {every > 60 ? clock(m).slice(0, 2) : clock(m)}
              </span>
            ))}
          </div>
        </div>
      ))}
      {header.map((h, c) => (
        <Fragment key={h.key}>
          {h.section && (
            <div className="tg-section" style={{ gridColumn: `1 / span ${bands.length + 1}` }}>
              {h.section}
            </div>
          )}
          <div className={`tg-row-head${h.tone ? ` tg-day--${h.tone}` : ''}`} role="rowheader" title={h.title} style={{ height: rowHeight }}>
            <div className="tg-head-label">{h.label}</div>
            {h.sub && <div className="tg-head-sub">{h.sub}</div>}
          </div>
          {bands.map((band, b) => {
            const column = band.columns[c];
            if (!column) return <div key={band.key} />;
            return (
              <div
                key={column.key}
                data-cell={`${b}:${c}`}
                className={`tg-cell tg-cell--row${column.noteTone ? ` tg-day--${column.noteTone}` : ''}${column.open ? '' : ' tg-cell--closed'}`}
                style={{ height: rowHeight, ...(column.open ? lines : {}) }}
              >
                <CellBody
                  column={column}
                  c={c}
                  hours={hours}
                  along={along}
                  across={across}
                  roomy={(p) => p.lanes === 1 && rowHeight >= 36}
                  pieces={pieces[b]?.[c]}
                  ghost={ghost}
                  tones={tones}
                  selectedId={selectedId}
                  dragging={dragging}
                  selection={selection?.band === b ? selection : null}
                  cursor={cursor?.band === b ? cursor : null}
                  onItemKeyDown={onItemKeyDown}
                />
              </div>
            );
          })}
        </Fragment>
      ))}
    </>
  );
}

interface CellProps {
  column: GridColumn;
  c: number;
  hours: [number, number];
  along: Along;
  across: Across;
  /** Whether an item's piece has room for its second line. */
  roomy(piece: Piece): boolean;
  pieces: Piece[] | undefined;
  ghost: GridItem | null;
  tones: Readonly<Record<string, ItemTone>>;
  selectedId?: string | null;
  dragging: string | null;
  selection: { col: number; range: [number, number] } | null;
  cursor: { col: number; range: [number, number] } | null;
  onItemKeyDown: BandProps['onItemKeyDown'];
}

/** What a cell holds, whichever way the grid runs: closed hours, its note, the items, the ghost of a drag, the selection and the cursor. */
function CellBody({ column, c, hours, along, across, roomy, pieces, ghost, tones, selectedId, dragging, selection, cursor, onItemKeyDown }: CellProps) {
  return (
    <>
      {column.open && column.open[0] > hours[0] && <div className="tg-shut" style={along(hours[0], column.open[0], 0)} />}
      {column.open && column.open[1] < hours[1] && <div className="tg-shut" style={along(column.open[1], hours[1], 0)} />}
      {column.note && <div className="tg-note">{column.note}</div>}
      {pieces?.map((p) => (
        <ItemBlock
          key={p.item.id}
          piece={p}
          tone={tones[p.item.tone]}
          along={along}
          across={across}
          roomy={roomy(p)}
          selected={p.item.id === selectedId}
          faded={p.item.id === dragging}
          column={column}
          onKeyDown={onItemKeyDown}
        />
      ))}
      {ghost &&
        piecesFor(column, [ghost]).map((p) => (
          <div key="ghost" className="tg-item tg-item--ghost" data-tone={p.item.tone} style={{ ...toneStyle(tones[p.item.tone]), ...along(p.from, p.to, 8) }} aria-hidden>
            <span className="tg-item-time">
              {clock(p.from)}–{clock(p.to)}
            </span>
          </div>
        ))}
      {selection?.col === c && (
        <div className="tg-select" style={along(selection.range[0], selection.range[1], 0)} aria-hidden>
          {clock(selection.range[0])}–{clock(selection.range[1])}
        </div>
      )}
      {cursor?.col === c && (
        <div className="tg-cursor" style={along(cursor.range[0], cursor.range[1], 0)} data-testid="grid-cursor">
          {clock(cursor.range[0])}–{clock(cursor.range[1])}
        </div>
      )}
    </>
  );
}

function ItemBlock({
  piece,
  tone,
  along,
  across,
  roomy,
  selected,
  faded,
  column,
  onKeyDown,
}: {
  piece: Piece;
  tone: ItemTone | undefined;
  along: Along;
  across: Across;
  roomy: boolean;
  selected: boolean;
  faded: boolean;
  column: GridColumn;
  onKeyDown: BandProps['onItemKeyDown'];
}) {
  const { item } = piece;
  const lane = across(piece.lane, piece.lanes);
  const classes = [
    'tg-item',
    item.movable && 'tg-item--movable',
    selected && 'tg-item--selected',
    faded && 'tg-item--faded',
    piece.continuesBefore && 'tg-item--cont-before',
    piece.continuesAfter && 'tg-item--cont-after',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      {(piece.bufferFrom < piece.from || piece.bufferTo > piece.to) && <div className="tg-buffer" style={{ ...lane, ...along(piece.bufferFrom, piece.bufferTo, 2) }} aria-hidden />}
      {piece.to > piece.from && (
        <div
          className={classes}
          data-item={item.id}
          data-tone={item.tone}
          role="button"
          tabIndex={0}
          aria-label={item.label}
          title={item.label}
          style={{ ...toneStyle(tone), ...lane, ...along(piece.from, piece.to, 14) }}
          onKeyDown={(e) => onKeyDown(e, item, column)}
        >
          <div className="tg-item-line">
            <span className="tg-item-time">{piece.continuesBefore ? '…' : clock(taipeiMinute(item.start).minute)}</span>
            {item.badge && <span className="tg-item-badge">{item.badge}</span>}
            <span className="tg-item-title">{item.title}</span>
          </div>
          {item.detail && roomy && <div className="tg-item-detail">{item.detail}</div>}
        </div>
      )}
    </>
  );
}
