/**
 * The pull side of the record table: what changed after a cursor, a page at a time.
 */
import { fromJson, num, type SqlConn } from './sql';
import { byteOrder, headSeq, type RecordData } from './sync-data';

export interface Change {
  seq: number;
  kind: string;
  id: string;
  op: 'put' | 'delete';
  data: RecordData | null;
}

/**
 * Up to `limit` changes after `after`, whole mutations only: a page never ends in the
 * middle of one mutation's writes (one mutation larger than the limit comes whole).
 * `through` is the sequence number the page covers up to.
 */
export async function changesSince(c: SqlConn, after: number, limit: number): Promise<{ changes: Change[]; through: number; more: boolean }> {
  const select = `SELECT kind, id, data, seq FROM record WHERE seq > ? ORDER BY seq, ${byteOrder(c, 'kind')}, ${byteOrder(c, 'id')}`;
  let rows = await c.all<{ kind: string; id: string; data: unknown; seq: unknown }>(`${select} LIMIT ?`, [after, limit + 1]);
  const more = rows.length > limit;
  let through: number;
  if (!more) {
    through = await headSeq(c);
  } else {
    const last = num(rows[limit - 1].seq);
    const split = num(rows[limit].seq) === last;
    rows = rows.slice(0, limit);
    if (split) {
      const before = rows.filter((r) => num(r.seq) < last);
      if (before.length > 0) rows = before;
      else rows = await c.all(`SELECT kind, id, data, seq FROM record WHERE seq = ? ORDER BY ${byteOrder(c, 'kind')}, ${byteOrder(c, 'id')}`, [last]);
    }
    through = num(rows[rows.length - 1].seq);
  }
  const changes = rows.map((r): Change => {
    const data = r.data === null || r.data === undefined ? null : fromJson<RecordData>(r.data);
    return { seq: num(r.seq), kind: r.kind, id: r.id, op: data === null ? 'delete' : 'put', data };
  });
  return { changes, through, more };
}
