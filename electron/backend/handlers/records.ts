/** Reading records and their history, and the mutate call every screen writes through. */
import type { HistoryEntry } from '../../../domain/api';
import type { HandlerMap } from '../workstation';

export const recordHandlers: Pick<HandlerMap, 'mutate' | 'records.list' | 'records.get' | 'records.history'> = {
  mutate: async (ws, { name, args }) => {
    const actor = ws.actor;
    const result = await ws.runner.run(name, args, actor);
    if (result.ok && (name === 'user.update' || name === 'user.archive') && (args as { id?: string })?.id === actor.userId) {
      // Your own roles changed: the session follows at once.
      ws.session.user = ws.runner.records.getSync('user', actor.userId) ?? null;
      ws.emit({ type: 'session', session: ws.sessionState() });
    }
    return result.ok ? { ok: true, mutationId: result.mutationId } : result;
  },

  'records.list': (ws, { kind, includeArchived }) => {
    const rows = ws.runner.records.findSync(kind, {});
    return includeArchived ? rows : rows.filter((r) => !(r as { archived?: boolean }).archived);
  },

  'records.get': (ws, { kind, id }) => ws.runner.records.getSync(kind, id) ?? null,

  'records.history': (ws, { kind, id }) => {
    const rows = ws.db.$client
      .prepare('SELECT a.*, u.display_name AS user_name FROM audit a LEFT JOIN app_user u ON u.id = a.user_id WHERE a.kind = ? AND a.record_id = ? ORDER BY a.at, a.mutation_id')
      .all(kind, id) as Record<string, string | number>[];
    return rows.map((r): HistoryEntry => ({
      id: String(r.id),
      at: String(r.at),
      userId: String(r.user_id),
      userName: String(r.user_name ?? r.user_id),
      mutation: String(r.mutation),
      op: r.op as HistoryEntry['op'],
      changes: JSON.parse(String(r.changes)),
    }));
  },
};
