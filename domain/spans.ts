/**
 * Records that hold a resource for a stretch of time, each declared by its desk (an
 * approved booking holds its venue, a trip its vehicle and its driver; domain/desks.ts
 * lists them all). The sync server keeps each declared span in a side table of its own,
 * indexed by resource and start, and has the database refuse two exclusive spans of one
 * resource that overlap; the mutators' own checks stay the first line and name the
 * record in the way.
 */
import type { Entities, Kind } from './entities';
import type { Problem } from './errors';
import { isInstant } from './instants';

export interface SpanDeclaration<K extends Kind = Kind> {
  kind: K;
  /** The field naming the resource held (several per kind: a trip holds a vehicle and a driver). */
  resourceField: keyof Entities[K] & string;
  /** Instants in their canonical form (domain/instants.ts); the span is [start, end). */
  startField: keyof Entities[K] & string;
  endField: keyof Entities[K] & string;
  /** Whether no other exclusive span of the same resource may overlap this record's. */
  exclusive(record: Entities[K]): boolean;
  /** The refusal when `other` is in the way (the mutators give the same one). */
  conflict(other: Entities[K]): Problem;
}

/** A desk's span declaration, typed by its kind's fields, kept in the one list of all kinds. */
export const declareSpan = <K extends Kind>(d: SpanDeclaration<K>) => d as unknown as SpanDeclaration;

export interface HeldSpan {
  resource: string;
  start: string;
  end: string;
  exclusive: boolean;
}

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
