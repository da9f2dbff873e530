/** A vehicle's service falling due opens a work item on the maintenance desk, through the real runner and SQLite. */
import { beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../../domain/ids';
import type { TicketStatus } from '../../../domain/maintenance/tickets';
import { showsServiceDue } from '../../../domain/vehicles/service';
import { freshDb } from '../../../test/support/fresh-db';
import { buildWorld, clerk, tpe } from '../../../test/support/ticket-desk';
import { MutationRunner, type Actor } from '../mutation-runner';

const dispatcher: Actor = { userId: 'u-dispatch', roles: ['dispatcher'], locale: 'zh-TW' };
const admin: Actor = { userId: 'u-admin', roles: ['admin', 'supervisor'], locale: 'zh-TW' };
const DAY = tpe('2022-01-10', '09:00');

describe('vehicle service due', () => {
  let runner: MutationRunner;
  beforeEach(async () => {
    runner = new MutationRunner(freshDb().db);
    await buildWorld(runner);
    const setup = await runner.runBatch(
      [
        { name: 'space.create', args: { id: 'garage', floorId: 'fl-1f', nameZh: '地下車庫', kind: 'garage' } },
        {
          name: 'vehicle.create',
          args: {
            id: 'car',
            plate: 'ABC-1234',
            make: 'Toyota',
            model: 'Altis',
            type: 'sedan',
            seats: 5,
            garageId: 'garage',
            odometer: 9_800,
            serviceIntervalMonths: 6,
            serviceIntervalKm: 5_000,
            nextServiceDate: '2022-06-30',
            nextServiceKm: 10_000,
          },
        },
        { name: 'vehicle.create', args: { id: 'nogarage', plate: 'XYZ-0001', type: 'van', seats: 8, odometer: 100, nextServiceKm: 50 } },
        { name: 'agency.create', args: { id: 'ag', code: 'SEC', nameZh: '秘書處' } },
        { name: 'person.create', args: { id: 'p-drv', name: '陳國華', kind: 'driver' } },
        { name: 'driverProfile.create', args: { id: 'drv', personId: 'p-drv', licenceClass: 'pro_light' } },
        {
          name: 'request.file',
          args: {
            id: 'req',
            source: 'paper',
            paperNumber: '派-1',
            agencyId: 'ag',
            requesterName: '王',
            passengers: 2,
            purpose: '洽公',
            stops: ['旗山'],
            departAt: tpe('2022-01-10', '10:00'),
            returnAt: tpe('2022-01-10', '15:00'),
            distanceKm: 120,
          },
        },
        { name: 'trip.assign', args: { id: 'trip', requestId: 'req', vehicleId: 'car', driverId: 'drv' } },
      ],
      admin,
      tpe('2022-01-05', '08:00'),
    );
    expect(setup.ok, JSON.stringify(setup)).toBe(true);
  });

  const car = () => runner.records.getSync('vehicle', 'car')!;
  const move = (id: string, status: TicketStatus, at: string, extra: Record<string, unknown> = {}) => runner.run('ticket.transition', { id, changeId: newId(), status, ...extra }, clerk, at);

  it('refuses to open a work item for a vehicle not yet due, and changes nothing', async () => {
    const r = await runner.run('vehicle.openService', { id: 'car' }, dispatcher, DAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem.code).toBe('vehicles.error.serviceNotDue');
    expect(runner.records.findSync('ticket', {})).toHaveLength(0);
    expect(car().serviceTicketId).toBeNull();
  });

  it('a trip log past the due reading makes it due; the work item names the vehicle, sits in its garage, and a second open makes no second ticket', async () => {
    expect((await runner.run('trip.log', { id: 'trip', odometerOut: 9_800, odometerIn: 10_040 }, dispatcher, tpe('2022-01-10', '16:00'))).ok).toBe(true);
    expect(showsServiceDue(car(), '2022-01-10')).toBe(true);
    const r = await runner.run('vehicle.openService', { id: 'car' }, dispatcher, tpe('2022-01-10', '16:01'));
    expect(r.ok, JSON.stringify(r)).toBe(true);
    const tickets = runner.records.findSync('ticket', {});
    expect(tickets).toHaveLength(1);
    expect(tickets[0]).toMatchObject({ id: 'svc-car-1', spaceId: 'garage', status: 'reported', category: 'other', subject: '公務車定期保養 ABC-1234' });
    expect(tickets[0]!.number).toMatch(/^維-111-\d+$/);
    expect(tickets[0]!.description).toContain('保養里程 10,000 公里');
    expect(car()).toMatchObject({ serviceTicketId: 'svc-car-1', serviceCount: 1 });
    // Opened again (another workstation's replay): nothing more.
    expect((await runner.run('vehicle.openService', { id: 'car' }, dispatcher, tpe('2022-01-10', '16:05'))).ok).toBe(true);
    expect(runner.records.findSync('ticket', {})).toHaveLength(1);
  });

  it('shows due until the ticket is closed; closing sets the next due from the intervals', async () => {
    expect((await runner.run('vehicle.update', { id: 'car', nextServiceDate: '2022-01-15' }, admin, DAY)).ok).toBe(true);
    expect((await runner.run('vehicle.openService', { id: 'car' }, dispatcher, DAY)).ok).toBe(true);
    const id = car().serviceTicketId!;
    await move(id, 'assigned', tpe('2022-01-10', '10:00'), { assigneeId: 'p-zhang' });
    await move(id, 'in_progress', tpe('2022-01-11', '09:00'));
    await move(id, 'completed', tpe('2022-01-11', '15:00'));
    expect(showsServiceDue(car(), '2022-01-11')).toBe(true);
    expect((await move(id, 'closed', tpe('2022-01-12', '09:00'))).ok).toBe(true);
    expect(car()).toMatchObject({ serviceTicketId: null, nextServiceDate: '2022-07-12', nextServiceKm: 14_800 });
    expect(showsServiceDue(car(), '2022-01-12')).toBe(false);
    // The next service is a new work item, not the old one reopened.
    expect((await runner.run('vehicle.update', { id: 'car', nextServiceKm: 9_000 }, admin, DAY)).ok).toBe(true);
    expect((await runner.run('vehicle.openService', { id: 'car' }, dispatcher, tpe('2022-01-12', '10:00'))).ok).toBe(true);
    expect(car().serviceTicketId).toBe('svc-car-2');
  });

  it('a cancelled work item unlinks the vehicle, which stays due', async () => {
    expect((await runner.run('vehicle.update', { id: 'car', nextServiceKm: 9_000 }, admin, DAY)).ok).toBe(true);
    expect((await runner.run('vehicle.openService', { id: 'car' }, dispatcher, DAY)).ok).toBe(true);
    expect((await move('svc-car-1', 'cancelled', tpe('2022-01-10', '10:00'))).ok).toBe(true);
    expect(car()).toMatchObject({ serviceTicketId: null, nextServiceKm: 9_000 });
    expect(showsServiceDue(car(), '2022-01-10')).toBe(true);
  });

  it('refuses a vehicle without a garage, with the plate in the reason', async () => {
    const r = await runner.run('vehicle.openService', { id: 'nogarage' }, dispatcher, DAY);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problem).toMatchObject({ code: 'vehicles.error.serviceNoGarage', params: { plate: 'XYZ-0001' } });
    expect(runner.records.findSync('ticket', {})).toHaveLength(0);
  });
});
