/**
 * What a mutation may do to the data. The workstation implements it over its SQLite
 * file and the server over its own store, so one mutator runs in both places: the
 * workstation optimistically, the server with the last word.
 */
import type { Entities, Kind } from '../entities';

export interface Tx {
  get<K extends Kind>(kind: K, id: string): Promise<Entities[K] | undefined>;
  /** Records whose fields equal every value in `where`. */
  find<K extends Kind>(kind: K, where: Partial<Entities[K]>): Promise<Entities[K][]>;
  insert<K extends Kind>(kind: K, row: Entities[K]): Promise<void>;
  update<K extends Kind>(kind: K, id: string, patch: Partial<Entities[K]>): Promise<void>;
  remove<K extends Kind>(kind: K, id: string): Promise<void>;
}
