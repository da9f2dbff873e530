/** The workstation's own key–value settings (client id, mutation counter, language…). */
import type { Db } from './open';
import { newId } from '../domain/ids';
import { prepared } from './statements';

export function getMeta(db: Db, key: string): string | undefined {
  const row = prepared(db, 'SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

export function setMeta(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** This workstation's client id, made on first use. */
export function clientIdOf(db: Db): string {
  let id = getMeta(db, 'clientId');
  if (!id) {
    id = newId();
    setMeta(db, 'clientId', id);
  }
  return id;
}

/** Gives this workstation a new identity, as after a restore: its next writes start a new sequence. */
export function takeNewClientId(db: Db): string {
  const id = newId();
  setMeta(db, 'clientId', id);
  setMeta(db, 'lastMutationId', '0');
  return id;
}

/** The next mutation id of this client: strictly increasing, kept in the same transaction as the write. */
export function nextMutationId(db: Db): number {
  const next = Number(getMeta(db, 'lastMutationId') ?? '0') + 1;
  setMeta(db, 'lastMutationId', String(next));
  return next;
}
