/** The ticket search index on a workstation upgraded from before place renames re-indexed tickets. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutations, type MutationContext } from '../domain/mutations';
import { formatPrintedNumber } from '../domain/numbering';
import { tempDir } from '../test/support/fresh-db';
import { migrationsBefore } from '../test/support/migrations';
import { openDb, type Db } from './open';
import { queryTickets } from './queries/tickets';
import { SqliteRecords } from './records';

/** A copy of the migrations folder whose journal stops before `tag`. */
const ctx: MutationContext = { userId: 'u-admin', roles: ['admin', 'maintenance_clerk'], clientId: 'c', at: '2022-01-10T01:00:00.000Z' };

async function run(db: Db, name: string, args: Record<string, unknown>) {
  const def = mutations.get(name)!;
  await def.apply(new SqliteRecords(db), def.args.parse(args), ctx);
}

describe('ticket search after an upgrade', () => {
  it('finds tickets by the names their floor, building and site were given before the upgrade', async () => {
    const file = path.join(tempDir(), 'workstation.sqlite');
    const before = openDb(file, { migrationsFolder: migrationsBefore('0010_tickets_place_rename') });
    await run(before, 'site.create', { id: 'sw', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' });
    await run(before, 'building.create', { id: 'b1', siteId: 'sw', code: 'A', nameZh: '行政大樓', nameEn: '' });
    await run(before, 'floor.create', { id: 'f1', buildingId: 'b1', name: '3F' });
    await run(before, 'space.create', { id: 'room', floorId: 'f1', code: '301', nameZh: '會議室', kind: 'meeting_room' });
    await run(before, 'ticket.create', { id: 't1', number: formatPrintedNumber('ticket', 2022, 1), spaceId: 'room', category: 'plumbing', subject: '漏水' });
    await run(before, 'floor.update', { id: 'f1', name: '夾層' });
    await run(before, 'building.update', { id: 'b1', nameZh: '市政大樓' });
    await run(before, 'site.update', { id: 'sw', nameZh: '四維聯合服務中心' });
    expect(queryTickets(before, { text: '夾層' }).total).toBe(0);
    before.$client.close();

    const db = openDb(file);
    for (const name of ['夾層', '市政大樓', '聯合服務']) expect(queryTickets(db, { text: name }).rows.map((r) => r.number)).toEqual(['維-111-00001']);
    for (const name of ['3F', '行政大樓', '四維行政']) expect(queryTickets(db, { text: name }).total).toBe(0);
    db.$client.close();
  });
});
