/**
 * Overlap rules shared by the desks that hand out time: a venue cannot hold two approved
 * bookings at once, a vehicle or a driver cannot be on two trips. Times are UTC instants;
 * set-up and tear-down buffers widen what a booking occupies, and a multi-day booking
 * occupies its whole range.
 */

export interface TimeSlot {
  /** UTC ISO instants, end exclusive. */
  start: string;
  end: string;
  /** Minutes before the start and after the end that the resource is also taken (set-up, tear-down). */
  bufferBefore?: number;
  bufferAfter?: number;
}

const MINUTE = 60_000;

/** The half-open span [from, to) in epoch ms that a slot keeps its resource busy. */
export function occupiedSpan(slot: TimeSlot): [number, number] {
  const from = Date.parse(slot.start) - (slot.bufferBefore ?? 0) * MINUTE;
  const to = Date.parse(slot.end) + (slot.bufferAfter ?? 0) * MINUTE;
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new RangeError(`not a time slot: ${slot.start} – ${slot.end}`);
  return [from, to];
}

/** Whether two slots keep one resource busy at the same moment (touching ends do not overlap). */
export function slotsOverlap(a: TimeSlot, b: TimeSlot): boolean {
  const [a0, a1] = occupiedSpan(a);
  const [b0, b1] = occupiedSpan(b);
  return a0 < b1 && b0 < a1;
}

/** The slots among `taken` that collide with `wanted`. */
export function conflictsWith<T extends TimeSlot>(wanted: TimeSlot, taken: readonly T[]): T[] {
  return taken.filter((t) => slotsOverlap(wanted, t));
}

export function isValidSlot(slot: TimeSlot): boolean {
  const s = Date.parse(slot.start);
  const e = Date.parse(slot.end);
  return Number.isFinite(s) && Number.isFinite(e) && s < e && (slot.bufferBefore ?? 0) >= 0 && (slot.bufferAfter ?? 0) >= 0;
}
