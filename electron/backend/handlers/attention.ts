/**
 * "Needs attention": writes the server refused. The user sees each with the reason and
 * their own input, and either edits and resubmits it (a new mutation) or discards it.
 */
import type { AttentionItem } from '../../../domain/api';
import type { Problem } from '../../../domain/errors';
import { problemResult, renderProblem } from '../mutation-runner';
import type { HandlerMap, Workstation } from '../workstation';

interface AttentionRow {
  id: string;
  name: string;
  args: string;
  user_id: string;
  at: string;
  problem: string;
  conflict: string | null;
  refused_at: string;
}

function getRow(ws: Workstation, id: string): AttentionRow | undefined {
  return ws.db.$client.prepare('SELECT * FROM needs_attention WHERE id = ?').get(id) as AttentionRow | undefined;
}

function removeRow(ws: Workstation, id: string): void {
  ws.db.$client.prepare('DELETE FROM needs_attention WHERE id = ?').run(id);
  ws.emit({ type: 'status', status: ws.status() });
}

export const attentionHandlers: Pick<HandlerMap, 'attention.list' | 'attention.discard' | 'attention.resubmit'> = {
  'attention.list': (ws) => {
    const rows = ws.db.$client.prepare('SELECT * FROM needs_attention ORDER BY refused_at, mutation_id').all() as AttentionRow[];
    return rows.map((r): AttentionItem => {
      const problem = JSON.parse(r.problem) as Problem;
      return {
        id: r.id,
        name: r.name,
        args: JSON.parse(r.args),
        userId: r.user_id,
        at: r.at,
        message: renderProblem(problem, ws.locale),
        problem,
        conflict: r.conflict ? JSON.parse(r.conflict) : null,
        refusedAt: r.refused_at,
      };
    });
  },

  'attention.discard': (ws, { id }) => {
    if (!getRow(ws, id)) return problemResult({ code: 'error.notFound', params: { kind: 'needsAttention', id } }, ws.locale);
    removeRow(ws, id);
    return { ok: true };
  },

  'attention.resubmit': async (ws, { id, args }) => {
    const row = getRow(ws, id);
    if (!row) return problemResult({ code: 'error.notFound', params: { kind: 'needsAttention', id } }, ws.locale);
    // A new mutation: the refused one keeps its place in the server's history.
    const result = await ws.runner.run(row.name, args, ws.actor);
    if (!result.ok) return result;
    removeRow(ws, id);
    return { ok: true, mutationId: result.mutationId };
  },
};
