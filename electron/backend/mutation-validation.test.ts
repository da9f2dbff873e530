/**
 * Every named mutation refuses bad arguments with a problem that names the field, in the
 * user's language, and writes nothing. Each mutation needs a valid example in
 * test/support/mutation-examples.ts (shared with the server's roles × mutations matrix):
 * a new mutation without one fails this test, so none can skip the check.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { Db } from '../../db/open';
import { hasMessage, translate } from '../../domain/i18n';
import { mutationList, mutations } from '../../domain/mutations';
import { freshDb } from '../../test/support/fresh-db';
import { EXAMPLES, FIXTURE_AUTHOR, fixtureByAuthor } from '../../test/support/mutation-examples';
import { ROLES } from '../../domain/roles';
import { MutationRunner, type Actor } from './mutation-runner';

// Every role, so that each desk's mutations reach their argument checks.
const zh: Actor = { userId: FIXTURE_AUTHOR, roles: [...ROLES], locale: 'zh-TW' };
const en: Actor = { ...zh, locale: 'en' };

async function fixture(): Promise<{ db: Db; runner: MutationRunner }> {
  const { db } = freshDb();
  const runner = new MutationRunner(db);
  for (const run of fixtureByAuthor()) {
    const r = await runner.runBatch(run.steps, { ...zh, userId: run.by });
    if (!r.ok) throw new Error(`fixture: ${run.steps[r.index].name}: ${r.message}`);
  }
  return { db, runner };
}

/** Row counts of every table (records, outbox, audit, credentials…) and the settings. */
function state(db: Db): unknown {
  const tables = (db.$client.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
  const counts = Object.fromEntries(tables.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
  return { counts, meta: db.$client.prepare('SELECT * FROM meta ORDER BY key').all() };
}

/** The arguments a call cannot do without. */
function requiredKeys(name: string): string[] {
  const shape = (mutations.get(name)!.args as z.ZodObject<z.ZodRawShape>).shape;
  return Object.keys(shape).filter((k) => !(shape[k] as z.ZodType).safeParse(undefined).success);
}

/** A value of another type than the valid one. */
function wrongTypeFor(value: unknown): unknown {
  return typeof value === 'string' ? 12345 : 'not-the-right-type';
}

describe('every mutation checks its arguments', () => {
  it('every mutation has a valid example here, and every example is a mutation', () => {
    const names: string[] = mutationList.map((m) => m.name);
    expect(
      names.filter((n) => !(n in EXAMPLES)),
      'mutations without an example',
    ).toEqual([]);
    expect(
      Object.keys(EXAMPLES).filter((n) => !names.includes(n)),
      'examples of no mutation',
    ).toEqual([]);
  });

  it.each(mutationList.map((m) => m.name))('%s: a missing or mistyped argument is refused, names the field, writes nothing', async (name) => {
    const example = EXAMPLES[name];
    expect(example, `add a valid example of ${name} to EXAMPLES in test/support/mutation-examples.ts`).toBeDefined();
    const { db, runner } = await fixture();
    const before = state(db);
    const keys = requiredKeys(name);
    expect(keys.length).toBeGreaterThan(0);

    for (const key of keys) {
      expect(hasMessage(`field.${key}`), `the catalog needs a label field.${key}`).toBe(true);
      const missing = Object.fromEntries(Object.entries(example).filter(([k]) => k !== key));
      const wrong = { ...example, [key]: wrongTypeFor(example[key]) };
      for (const [args, codes] of [
        [missing, ['error.required']],
        [wrong, ['error.wrongType', 'error.invalidChoice']],
      ] as const) {
        for (const actor of [zh, en]) {
          const r = await runner.run(name, args, actor);
          if (r.ok) throw new Error(`${name} accepted ${JSON.stringify(args)}`);
          expect(r.problem.field, `${name} ${JSON.stringify(args)}`).toBe(key);
          expect(codes).toContain(r.problem.code);
          expect(r.message).toContain(translate(actor.locale, `field.${key}` as never));
          expect(r.message).toBe(translate(actor.locale, r.problem.code, { ...r.problem.params, field: translate(actor.locale, `field.${key}` as never) }));
        }
        expect(state(db)).toEqual(before);
      }
    }

    const extra = await runner.run(name, { ...example, colour: 'red' }, zh);
    expect(extra).toMatchObject({ ok: false, problem: { code: 'error.unknownField', field: 'colour' } });
    expect(state(db)).toEqual(before);

    // The example itself is valid: the refusals above were about the broken argument.
    const ok = await runner.run(name, example, zh);
    expect(ok.ok || ok.message).toBe(true);
  });
});
