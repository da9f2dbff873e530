/**
 * Records that hold a resource for a stretch of time, declared once for every desk: an
 * approved booking holds its venue (set-up and tear-down included), and later a trip its
 * vehicle and its driver. The sync server keeps each declared span in a side table of its
 * own, indexed by resource and start, and has the database refuse two exclusive spans of
 * one resource that overlap; the mutators' own checks stay the first line and name the
 * record in the way. A series' occurrences are booking records, so each is its own span.
 */
import type { Entities, Kind } from './entities';
import type { Problem } from './errors';
import { conflictProblem } from './venues/mutations';

export interface SpanDeclaration<K extends Kind = Kind> {
  kind: K;
  /** The field naming the resource held (several per kind: a trip holds a vehicle and a driver). */
  resourceField: keyof Entities[K] & string;
  /** UTC ISO instants as Date#toISOString writes them; the span is [start, end). */
  startField: keyof Entities[K] & string;
  endField: keyof Entities[K] & string;
  /** Whether no other exclusive span of the same resource may overlap this record's. */
  exclusive(record: Entities[K]): boolean;
  /** The refusal when `other` is in the way (the mutators give the same one). */
  conflict(other: Entities[K]): Problem;
}

const declare = <K extends Kind>(d: SpanDeclaration<K>) => d as unknown as SpanDeclaration;

export const SPANS: readonly SpanDeclaration[] = [
  declare({
    kind: 'booking',
    resourceField: 'venueId',
    startField: 'occupiedFrom',
    endField: 'occupiedTo',
    exclusive: (b) => b.status === 'approved',
    conflict: conflictProblem,
  }),
];

export const spanKinds: ReadonlySet<string> = new Set(SPANS.map((s) => s.kind));

export function spansOfKind(kind: string): SpanDeclaration[] {
  return SPANS.filter((s) => s.kind === kind);
}

/** The declaration whose resource, start and end fields are these (the one an overlap query can use). */
export function spanDeclaration(kind: string, resourceField: string, startField: string, endField: string): SpanDeclaration | undefined {
  return SPANS.find((s) => s.kind === kind && s.resourceField === resourceField && s.startField === startField && s.endField === endField);
}

export interface HeldSpan {
  resource: string;
  start: string;
  end: string;
  exclusive: boolean;
}

/** As Date#toISOString writes them: then text order is time order, on both engines. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

export const isInstant = (value: unknown): value is string => typeof value === 'string' && INSTANT.test(value);

/**
 * What a record holds under one declaration; null when it holds nothing: a deleted
 * record, no resource, or no valid span (an empty or reversed one overlaps nothing).
 */
export function heldSpan(decl: SpanDeclaration, record: Record<string, unknown> | null): HeldSpan | null {
  if (!record) return null;
  const resource = record[decl.resourceField];
  const start = record[decl.startField];
  const end = record[decl.endField];
  if (typeof resource !== 'string' || !isInstant(start) || !isInstant(end) || !(start < end)) return null;
  return { resource, start, end, exclusive: decl.exclusive(record as never) };
}
