import { expect, it } from 'vitest';
import { mutationList } from '../domain/mutations';
import { ROLES } from '../domain/roles';
import { EXAMPLES, FIXTURE_AUTHOR, fixtureByAuthor, roleUser } from '../test/support/mutation-examples';
import { processOne, type PushingDevice } from './sync';
import { describeEachEngine, startHarness } from '../test/support/server-harness';

/** Thrown to roll the matrix's transaction back: it leaves nothing behind. */
class Rollback {}

describeEachEngine('roles × mutations', (open) => {
  it("a push by a user holding one role is applied or refused exactly as each mutation's roles say", async () => {
    const h = await startHarness(await open());
    const ws = await h.workstation();
    // The server's administrator gets every role, to make the fixture of every desk.
    await ws.push([ws.outbox('user.update', { id: h.adminId, roles: [...ROLES] })]);
    for (const run of fixtureByAuthor()) await ws.push(run.steps.map((s) => ws.outbox(s.name, s.args, run.by === FIXTURE_AUTHOR ? h.adminId : run.by)));
    expect((await ws.pullAll()).flatMap((p) => p.refusals)).toEqual([]);

    // Enrolled before any of these changes: the server checks each user's own roles.
    const device: PushingDevice = { id: ws.deviceId, createdAt: '2000-01-01T00:00:00.000Z', enrolledBy: h.adminId };
    const at = new Date().toISOString();
    const wrong: string[] = [];
    let cases = 0;
    // One transaction, rolled back at the end; each case on the fixture alone, back to a savepoint once processed.
    await h.db
      .write(async (c) => {
        for (const def of mutationList) {
          expect(EXAMPLES[def.name], `add a valid example of ${def.name} to test/support/mutation-examples.ts`).toBeDefined();
          for (const role of ROLES) {
            const call = { clientId: 'matrix', mutationId: 1, name: def.name, args: EXAMPLES[def.name], at, userId: roleUser(role) };
            await c.run('SAVEPOINT matrix_case');
            const outcome = await processOne(c, device, call, null, at);
            await c.run('ROLLBACK TO SAVEPOINT matrix_case');
            await c.run('RELEASE SAVEPOINT matrix_case');
            const problem = 'problem' in outcome ? outcome.problem : { code: 'not processed', params: {} };
            const got = problem === null ? 'applied' : problem.code === 'error.forbidden' ? 'refused' : `refused: ${problem.code} ${JSON.stringify(problem.params)}`;
            const expected = def.roles.includes(role) ? 'applied' : 'refused';
            if (got !== expected) wrong.push(`${def.name} by ${role}: ${got}, expected ${expected}`);
            cases += 1;
          }
        }
        throw new Rollback();
      })
      .catch((e: unknown) => {
        if (!(e instanceof Rollback)) throw e;
      });
    expect(wrong).toEqual([]);
    expect(cases).toBe(mutationList.length * ROLES.length);
  }, 120_000);
});
