import { describe, expect, it } from 'vitest';
import { addMonths, needsServiceTicket, nextServiceAfter, serviceDueReasons, serviceTicketIdOf, showsServiceDue } from './service';

const car = (over: Partial<Parameters<typeof serviceDueReasons>[0]> = {}) => ({
  status: 'in_service' as const,
  odometer: 10_000,
  nextServiceDate: null,
  nextServiceKm: null,
  serviceTicketId: null,
  ...over,
});

describe('service due', () => {
  it('is due on the date, within the week before it, and not the day before that', () => {
    const v = car({ nextServiceDate: '2026-03-20' });
    expect(serviceDueReasons(v, '2026-03-20')).toEqual(['date']);
    expect(serviceDueReasons(v, '2026-04-02')).toEqual(['date']);
    expect(serviceDueReasons(v, '2026-03-13')).toEqual(['date']);
    expect(serviceDueReasons(v, '2026-03-12')).toEqual([]);
  });

  it('is due when the odometer reaches the reading, not a kilometre before', () => {
    expect(serviceDueReasons(car({ nextServiceKm: 10_000 }), '2026-01-01')).toEqual(['odometer']);
    expect(serviceDueReasons(car({ nextServiceKm: 10_001 }), '2026-01-01')).toEqual([]);
    expect(serviceDueReasons(car({ nextServiceKm: 9_000, nextServiceDate: '2025-12-31' }), '2026-01-01')).toEqual(['date', 'odometer']);
  });

  it('never for a vehicle without a due, nor a retired one', () => {
    expect(serviceDueReasons(car(), '2026-01-01')).toEqual([]);
    expect(serviceDueReasons(car({ status: 'retired', nextServiceKm: 0, nextServiceDate: '2020-01-01' }), '2026-01-01')).toEqual([]);
  });

  it('shows as due while its work item is open, and needs no second one', () => {
    const open = car({ nextServiceKm: 5_000, serviceTicketId: 'svc-car-1' });
    expect(showsServiceDue(open, '2026-01-01')).toBe(true);
    expect(needsServiceTicket(open, '2026-01-01')).toBe(false);
    expect(needsServiceTicket({ ...open, serviceTicketId: null }, '2026-01-01')).toBe(true);
    expect(showsServiceDue(car({ serviceTicketId: 'svc-car-1' }), '2026-01-01')).toBe(true);
  });

  it('names the work item after the vehicle and the service, the same everywhere', () => {
    expect(serviceTicketIdOf('car', 0)).toBe('svc-car-1');
    expect(serviceTicketIdOf('car', 3)).toBe('svc-car-4');
  });
});

describe('next service', () => {
  it('counts the months to the same day, or the month’s last', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 12)).toBe('2027-12-01');
  });

  it('follows from the day it was done and the reading then; no interval leaves the due empty', () => {
    expect(nextServiceAfter({ serviceIntervalMonths: 6, serviceIntervalKm: 5_000 }, '2026-03-10', 12_345)).toEqual({ nextServiceDate: '2026-09-10', nextServiceKm: 17_345 });
    expect(nextServiceAfter({ serviceIntervalMonths: null, serviceIntervalKm: 10_000 }, '2026-03-10', 12_345)).toEqual({ nextServiceDate: null, nextServiceKm: 22_345 });
  });
});
