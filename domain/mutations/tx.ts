/**
 * What a mutation may do to the data. The workstation implements it over its SQLite
 * file and the server over its own store, so one mutator runs in both places: the
 * workstation optimistically, the server with the last word.
 */
import type { Entities, Kind } from '../entities';

/**
 * Records of one resource (a venue, a vehicle, a driver) whose span [startField,
 * endField) overlaps [from, to): the question every "not twice at once" rule asks.
 * Bounds are UTC ISO instants as Date#toISOString writes them, so they compare as text.
 */
export interface OverlapQuery<K extends Kind> {
  resourceField: keyof Entities[K] & string;
  resourceId: string;
  startField: keyof Entities[K] & string;
  endField: keyof Entities[K] & string;
  from: string;
  to: string;
  /** Further fields that must equal these values (e.g. status: 'approved'). */
  where?: Partial<Entities[K]>;
}

export interface Tx {
  get<K extends Kind>(kind: K, id: string): Promise<Entities[K] | undefined>;
  /** Records whose fields equal every value in `where`. */
  find<K extends Kind>(kind: K, where: Partial<Entities[K]>): Promise<Entities[K][]>;
  /** Records whose span overlaps [from, to) for one resource (touching ends do not overlap). */
  findOverlapping<K extends Kind>(kind: K, query: OverlapQuery<K>): Promise<Entities[K][]>;
  insert<K extends Kind>(kind: K, row: Entities[K]): Promise<void>;
  update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>): Promise<void>;
  remove<K extends Kind>(kind: K, id: string): Promise<void>;
}
