/**
 * The pull side of the record table: what changed after a cursor, a page at a time.
 * The database writes the page's `changes` array itself, from the JSON text it holds of
 * each record (written by JSON.stringify in putRecord; jsonb's own text on PostgreSQL):
 * a first sync of 100,000 records would otherwise spend most of the server's time
 * turning rows into objects only to serialise them again.
 */
import { num, type SqlConn } from './sql';
import { byteOrder, headSeq } from './sync-data';

export interface ChangesPage {
  /** The page's changes as a JSON array, `[{seq, kind, id, op, data}, …]` in commit order (bytes: UTF-8). */
  json: string | Buffer;
  /** The sequence number the page covers up to. */
  through: number;
  more: boolean;
}

/**
 * Up to `limit` changes after `after`, whole mutations only: a page never ends in the
 * middle of one mutation's writes (one mutation larger than the limit comes whole).
 * Its rows are then exactly those with `after < seq ≤ through`.
 */
export async function changesSince(c: SqlConn, after: number, limit: number): Promise<ChangesPage> {
  const seqs = (await c.all<{ seq: unknown }>('SELECT seq FROM record WHERE seq > ? ORDER BY seq LIMIT ?', [after, limit + 1])).map((r) => num(r.seq));
  const more = seqs.length > limit;
  let through: number;
  if (!more) through = await headSeq(c);
  else {
    const last = seqs[limit - 1];
    // The page would split the last mutation: end before it, or, when it fills the page alone, take all of it.
    const before = seqs.slice(0, limit).filter((s) => s < last);
    through = seqs[limit] !== last || before.length === 0 ? last : before[before.length - 1];
  }
  return { json: await changesJson(c, after, through), through, more };
}

async function changesJson(c: SqlConn, after: number, through: number): Promise<string | Buffer> {
  const pg = c.dialect === 'postgres';
  const quote = (column: string) => (pg ? `to_json(${column})::text` : `json_quote(${column})`);
  const change = `'{"seq":' || seq || ',"kind":' || ${quote('kind')} || ',"id":' || ${quote('id')} || CASE WHEN data IS NULL THEN ',"op":"delete","data":null}' ELSE ',"op":"put","data":' || ${pg ? 'data::text' : 'data'} || '}' END`;
  const order = `seq, ${byteOrder(c, 'kind')}, ${byteOrder(c, 'id')}`;
  // SQLite hands the UTF-8 bytes over as they are (a blob); no string is made of them.
  const sql = pg
    ? `SELECT '[' || coalesce(string_agg(${change}, ',' ORDER BY ${order}), '') || ']' AS json FROM record WHERE seq > ? AND seq <= ?`
    : `SELECT CAST('[' || coalesce(group_concat(${change}, ',' ORDER BY ${order}), '') || ']' AS BLOB) AS json FROM record WHERE seq > ? AND seq <= ?`;
  return (await c.all<{ json: string | Buffer }>(sql, [after, through]))[0].json;
}
