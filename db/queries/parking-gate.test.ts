/** The gate lookup's plate index (migration 0020) on a workstation upgraded from before it: the plates already stored are found in part. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mutations, type MutationContext } from '../../domain/mutations';
import { tempDir } from '../../test/support/fresh-db';
import { migrationsBefore } from '../../test/support/migrations';
import { openDb, type Db } from '../open';
import { SqliteRecords } from '../records';
import { gateLookup } from './parking';

const ctx: MutationContext = { userId: 'u-admin', roles: ['admin', 'parking_clerk'], clientId: 'c', at: '2022-01-10T01:00:00.000Z' };

async function run(db: Db, name: string, args: Record<string, unknown>) {
  const def = mutations.get(name)!;
  await def.apply(new SqliteRecords(db), def.args.parse(args), ctx);
}

describe('the gate lookup after an upgrade', () => {
  it('finds the permits stored before the plate index by part of a plate, and those issued after it', async () => {
    const file = path.join(tempDir(), 'workstation.sqlite');
    const before = openDb(file, { migrationsFolder: migrationsBefore('0021_parking_plate_suffix') });
    await run(before, 'site.create', { id: 'sw', code: 'SW', nameZh: '四維行政中心', nameEn: '', address: '' });
    await run(before, 'building.create', { id: 'b1', siteId: 'sw', code: 'A', nameZh: '行政大樓', nameEn: '' });
    await run(before, 'floor.create', { id: 'f1', buildingId: 'b1', name: 'B1' });
    await run(before, 'space.create', { id: 'park', floorId: 'f1', nameZh: '地下停車場', kind: 'parking' });
    await run(before, 'parkingArea.create', { id: 'area', spaceId: 'park', capacityCar: 10, capacityMotorcycle: 0, permitTypes: ['annual'] });
    const issue = (id: string, plates: string[]) =>
      run(before, 'permit.issue', { id, type: 'annual', areaId: 'area', holderName: '王小明', plates, vehicleType: 'car', year: 2022, number: '證-111-00001' });
    await issue('p1', ['ABC-1234', 'XY-5678']);
    before.$client.close();

    const db = openDb(file);
    const at = new Date('2022-06-01T02:00:00.000Z');
    expect(gateLookup(db, 'c12', 'sw', 'zh-TW', at).map((m) => [m.plate, m.validToday])).toEqual([['ABC1234', true]]);
    expect(gateLookup(db, '5678', 'sw', 'zh-TW', at).map((m) => m.plate)).toEqual(['XY5678']);
    const def = mutations.get('permit.issue')!;
    await def.apply(
      new SqliteRecords(db),
      def.args.parse({ id: 'p2', type: 'annual', areaId: 'area', holderName: '李大華', plates: ['BC-1299'], vehicleType: 'car', year: 2022, number: '證-111-00002' }),
      ctx,
    );
    expect(
      gateLookup(db, 'bc12', 'sw', 'zh-TW', at)
        .map((m) => m.plate)
        .sort(),
    ).toEqual(['ABC1234', 'BC1299']);
    expect(gateLookup(db, 'bc1299', 'sw', 'zh-TW', at).map((m) => m.plate)).toEqual(['BC1299']);
    db.$client.close();
  });
});
