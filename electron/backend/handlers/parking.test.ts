import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, taipeiDateOf } from '../../../domain/dates';
import type { Role } from '../../../domain/roles';
import { tempDir } from '../../../test/support/fresh-db';
import { signInAs } from '../../../test/support/sign-in';
import { EXPORT_MIME } from '../export/table-export';
import type { Actor } from '../mutation-runner';
import { Workstation } from '../workstation';

const T0 = '2022-03-01T02:00:00.000Z';
const actor = (userId: string, roles: Role[]): Actor => ({ userId, roles, locale: 'zh-TW' });
const ADMIN = actor('u-admin', ['admin']);
const CLERK = actor('u-clerk', ['parking_clerk']);

let open: Workstation[] = [];
afterEach(() => {
  for (const ws of open) ws.close();
  open = [];
});

/** Two sites, each with a car park; Siwei's takes both kinds of permit, Fengshan's temporary ones only. */
async function parkingDesk() {
  const ws = new Workstation({ dataDir: tempDir(), shell: 'browser', backupEveryMinutes: 0 });
  open.push(ws);
  const run = (name: string, args: unknown, who: Actor = CLERK, at = T0) => ws.runner.run(name, args, who, at);
  const must = async (name: string, args: unknown, who: Actor = CLERK, at = T0) => {
    const r = await run(name, args, who, at);
    if (!r.ok) throw new Error(`${name}: ${r.message}`);
    return r;
  };
  for (const [site, code, nameZh] of [
    ['SW', 'SW', '四維行政中心'],
    ['FS', 'FS', '鳳山行政中心'],
  ]) {
    await must('site.create', { id: site, code, nameZh, nameEn: code, address: '' }, ADMIN);
    await must('building.create', { id: `${site}-b`, siteId: site, code: 'B', nameZh: '行政大樓', nameEn: '' }, ADMIN);
    await must('floor.create', { id: `${site}-b1`, buildingId: `${site}-b`, name: 'B1' }, ADMIN);
    await must('space.create', { id: `${site}-park`, floorId: `${site}-b1`, nameZh: '地下停車場', kind: 'parking' }, ADMIN);
  }
  await must('space.create', { id: 'SW-office', floorId: 'SW-b1', nameZh: '總務科', kind: 'office' }, ADMIN);
  await must('agency.create', { id: 'ag-cab', code: 'CAB', nameZh: '民政局', nameEn: '' }, ADMIN);
  await must('parkingArea.create', { id: 'area-sw', spaceId: 'SW-park', capacityCar: 300, capacityMotorcycle: 500, permitTypes: ['annual', 'temporary'] }, ADMIN);
  await must('parkingArea.create', { id: 'area-fs', spaceId: 'FS-park', capacityCar: 120, capacityMotorcycle: 200, permitTypes: ['temporary'] }, ADMIN);
  return { ws, run, must };
}

const annual = (id: string, plates: string[], extra: object = {}) => ({
  id,
  type: 'annual',
  areaId: 'area-sw',
  holderName: '王小明',
  holderAgencyId: 'ag-cab',
  plates,
  vehicleType: 'car',
  year: 2022,
  ...extra,
});
const temporary = (id: string, plates: string[], validFrom: string, validTo: string, areaId = 'area-sw') => ({
  id,
  type: 'temporary',
  areaId,
  holderName: '來賓',
  plates,
  vehicleType: 'car',
  validFrom,
  validTo,
});

describe('parking permits', () => {
  it('issues an annual permit numbered with the year it is valid for, its plates stored normalised', async () => {
    const { ws, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['abc-1234', '１２３－ＸＹＺ'], { year: 2023 }));
    const p = ws.runner.records.getSync('permit', 'p1')!;
    expect(p.number).toMatch(/^證-112-\d{5}$/);
    expect(p).toMatchObject({ siteId: 'SW', plates: ['ABC1234', '123XYZ'], validFrom: '2023-01-01', validTo: '2023-12-31', issuedOn: '2022-03-01', status: 'valid' });
    expect(ws.runner.records.findSync('permitPlate', { permitId: 'p1' }).map((x) => x.holdKey)).toEqual(['SW|ABC1234', 'SW|123XYZ']);
  });

  it('refuses a plate that holds a valid permit of the same site for some of the days, naming it, and writes nothing', async () => {
    const { ws, run, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['ABC1234']));
    const number = ws.runner.records.getSync('permit', 'p1')!.number;
    const again = await run('permit.issue', temporary('p2', ['abc 1234'], '2022-05-01', '2022-05-02'));
    expect(again).toMatchObject({ ok: false, problem: { code: 'parking.error.plateHeld', field: 'plates', params: { plate: 'ABC-1234', number, conflictId: 'p1' } } });
    expect(!again.ok && again.message).toContain('ABC-1234');
    expect(!again.ok && again.message).toContain('111/01/01 至 111/12/31');
    expect(ws.runner.records.getSync('permit', 'p2')).toBeUndefined();
    expect(ws.runner.records.findSync('permitPlate', { permitId: 'p2' })).toEqual([]);
    // Another site, or days that do not meet, are free.
    await must('permit.issue', temporary('p3', ['ABC1234'], '2022-05-01', '2022-05-02', 'area-fs'));
    await must('permit.issue', temporary('p4', ['XYZ9876'], '2022-05-01', '2022-05-01'));
    await must('permit.issue', temporary('p5', ['XYZ9876'], '2022-05-02', '2022-05-03'));
  });

  it('frees the plate when the permit is revoked, and keeps a revoked permit from changing again', async () => {
    const { ws, run, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['ABC1234']));
    expect(await run('permit.revoke', { id: 'p1', reason: '' })).toMatchObject({ ok: false, problem: { field: 'reason' } });
    await must('permit.revoke', { id: 'p1', reason: '離職' });
    expect(ws.runner.records.getSync('permit', 'p1')).toMatchObject({ status: 'revoked', revokedReason: '離職' });
    await must('permit.issue', annual('p2', ['ABC1234']));
    expect(await run('permit.revoke', { id: 'p1', reason: '再一次' })).toMatchObject({ ok: false, problem: { code: 'parking.error.notValid' } });
  });

  it('replaces a lost permit with a new number that points back to the old one', async () => {
    const { ws, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['ABC1234']));
    await must('permit.replace', { id: 'p1', newId: 'p1b', reason: '遺失' });
    const old = ws.runner.records.getSync('permit', 'p1')!;
    const fresh = ws.runner.records.getSync('permit', 'p1b')!;
    expect(old).toMatchObject({ status: 'replaced', replacedById: 'p1b' });
    expect(fresh).toMatchObject({ status: 'valid', replacesId: 'p1', plates: ['ABC1234'], year: 2022 });
    expect(fresh.number).not.toBe(old.number);
  });

  it('refuses what a permit office would: a car park that does not take the type, a space that is no car park, a bad plate, a long temporary permit', async () => {
    const { run } = await parkingDesk();
    expect(await run('permit.issue', { ...annual('p1', ['ABC1234']), areaId: 'area-fs' })).toMatchObject({ ok: false, problem: { code: 'parking.error.areaType', field: 'areaId' } });
    expect(await run('parkingArea.create', { id: 'area-x', spaceId: 'SW-office', capacityCar: 1, capacityMotorcycle: 0, permitTypes: ['temporary'] }, ADMIN)).toMatchObject({
      ok: false,
      problem: { code: 'parking.error.notParking' },
    });
    expect(await run('permit.issue', annual('p2', ['AB']))).toMatchObject({ ok: false, problem: { field: 'plates.0' } });
    expect(await run('permit.issue', annual('p3', ['ABC1234', 'abc-1234']))).toMatchObject({ ok: false, problem: { code: 'parking.error.plateTwice' } });
    expect(await run('permit.issue', temporary('p4', ['ABC1234'], '2022-05-01', '2022-07-01'))).toMatchObject({ ok: false, problem: { code: 'parking.error.days', field: 'validTo' } });
  });

  it("shows the guard a typed or partial plate's permits, valid today at the site or not, and nothing personal", async () => {
    const { ws, must } = await parkingDesk();
    const today = new Date().toISOString();
    const year = Number(today.slice(0, 4));
    await must('permit.issue', annual('p1', ['ABC1234'], { year }), CLERK, today);
    await must('permit.issue', annual('p2', ['ABD5678'], { year: year - 1 }), CLERK, today);
    await signInAs(ws, ['guard']);
    const found = await ws.call('parking.gateLookup', { plate: 'ab', siteId: 'SW' });
    expect(found.map((m) => [m.plate, m.validToday])).toEqual([
      ['ABC1234', true],
      ['ABD5678', false],
    ]);
    expect(found[0]).toMatchObject({ siteName: '四維行政中心', areaName: '地下停車場', agencyName: '民政局' });
    expect(JSON.stringify(found)).not.toContain('王小明');
    expect(await ws.call('parking.gateLookup', { plate: 'abc-1234', siteId: 'FS' })).toMatchObject([{ plate: 'ABC1234', validToday: false }]);
    await expect(ws.call('parking.permits', {})).rejects.toMatchObject({ status: 403 });
  });

  it('finds a plate from any part of it, also the plates of a permit issued as a replacement', async () => {
    const { ws, must } = await parkingDesk();
    const now = new Date().toISOString();
    await must('permit.issue', annual('p1', ['ABC-1234', '5678-XY'], { year: Number(now.slice(0, 4)) }), CLERK, now);
    await must('permit.replace', { id: 'p1', newId: 'p1b', reason: '遺失' }, CLERK, now);
    await signInAs(ws, ['guard']);
    const numbers = async (typed: string) => (await ws.call('parking.gateLookup', { plate: typed, siteId: 'SW' })).map((m) => [m.plate, m.number, m.validToday]);
    const fresh = ws.runner.records.getSync('permit', 'p1b')!.number;
    const old = ws.runner.records.getSync('permit', 'p1')!.number;
    for (const typed of ['ｂｃ１２', '1234', 'c-12', '8x', 'ABC 1234']) expect((await numbers(typed))[0]).toEqual([typed === '8x' ? '5678XY' : 'ABC1234', fresh, true]);
    expect((await numbers('1234')).map((m) => m[1]).sort()).toEqual([fresh, old].sort());
    expect(await numbers('QQ')).toEqual([]);
    expect(await numbers(' - ')).toEqual([]);
  });

  it('lists the valid permits in force that end within N days, soonest first, and exports that list', async () => {
    const { ws, must } = await parkingDesk();
    const now = new Date();
    const at = now.toISOString();
    const today = taipeiDateOf(now);
    const year = Number(today.slice(0, 4));
    await must('permit.issue', temporary('t5', ['TMP0005'], today, addDays(today, 5)), CLERK, at);
    await must('permit.issue', temporary('t20', ['TMP0020'], today, addDays(today, 20)), CLERK, at);
    await must('permit.issue', temporary('t3', ['TMP0003'], addDays(today, 3), addDays(today, 3)), CLERK, at);
    await must('permit.issue', temporary('tx', ['TMP0009'], today, addDays(today, 2)), CLERK, at);
    await must('permit.revoke', { id: 'tx', reason: '取消' }, CLERK, at);
    await must('permit.issue', annual('old', ['OLD0001'], { year: year - 1 }), CLERK, at);
    await must('permit.issue', annual('a1', ['ANN0001'], { year }), CLERK, at);
    await must('permit.issue', annual('a2', ['ANN0002'], { year }), CLERK, at);
    await signInAs(ws, ['parking_clerk']);
    const listed = async (days: number) => (await ws.call('parking.permits', { expiringWithin: days })).map((p) => p.id);
    expect(await listed(10)).toEqual(['t5']);
    expect(await listed(20)).toEqual(['t5', 't20']);
    // An annual permit ends on 31 December of its year: within 366 days always.
    expect((await listed(366)).sort()).toEqual(['a1', 'a2', 't20', 't5']);
    await must(
      'permitApplication.file',
      { id: 'app-1', agencyId: 'ag-cab', areaId: 'area-sw', type: 'temporary', countAsked: 1, purpose: '會議', validFrom: addDays(today, 7), plates: ['AAA-1111'] },
      CLERK,
      at,
    );
    expect(await ws.call('parking.reminders', { days: 20 })).toEqual({ days: 20, expiring: 2, waiting: 1 });
    // Renewed for next year: the reminder no longer lists it.
    const r = await ws.call('parking.renew', { year: year + 1, lines: [{ oldId: 'a1' }] });
    expect(r).toMatchObject({ ok: true, issued: [{ oldId: 'a1' }] });
    expect(await listed(366)).not.toContain('a1');
    expect((await ws.call('parking.reminders', { days: 366 })).expiring).toBe(3);
    const xlsx = await ws.call('parking.export', { expiringWithin: 20, format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.message);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.fileBase64, 'base64') as unknown as ArrayBuffer);
    const plates = wb.worksheets[0].getColumn(3).values.slice(2);
    expect(plates).toEqual(['TMP-0005', 'TMP-0020']);
    await signInAs(ws, ['guard']);
    await expect(ws.call('parking.reminders', { days: 30 })).rejects.toMatchObject({ status: 403 });
  });

  it('exports the filtered list as .xlsx and .ods with a dated name, plates shown, no phone numbers', async () => {
    const { ws, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['abc1234', 'XYZ-9876']));
    await must('permit.issue', temporary('t1', ['TMP0001'], '2022-05-01', '2022-05-01'));
    await signInAs(ws, ['parking_clerk']);
    const xlsx = await ws.call('parking.export', { types: ['annual'], format: 'xlsx' });
    if (!xlsx.ok) throw new Error(xlsx.message);
    expect(xlsx.fileName).toMatch(/^停車證清單-\d{7}\.xlsx$/);
    expect(xlsx.mime).toBe(EXPORT_MIME.xlsx);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(xlsx.fileBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['證號', '種類', '車牌號碼', '持證人姓名', '持證人機關', '園區', '停車場區', '有效期間', '狀態']);
    expect((sheet.getRow(2).values as unknown[]).slice(2)).toEqual(['年度停車證', 'ABC-1234、XYZ-9876', '王小明', '民政局', '四維行政中心', '地下停車場', '111/01/01–111/12/31', '有效']);
    const ods = await ws.call('parking.export', { types: ['annual'], format: 'ods' });
    if (!ods.ok) throw new Error(ods.message);
    expect(ods.fileName).toMatch(/^停車證清單-\d{7}\.ods$/);
    const content = await (await JSZip.loadAsync(Buffer.from(ods.fileBase64, 'base64'))).file('content.xml')!.async('string');
    expect(content).toContain('ABC-1234、XYZ-9876');
    expect(content).not.toContain('TMP-0001');
  });

  it('counts the period figures from the permits issued', async () => {
    const { ws, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['ABC1234']), CLERK, '2021-12-20T02:00:00.000Z');
    await must('permit.issue', temporary('t1', ['TMP0001'], '2021-10-01', '2021-10-01'), CLERK, '2021-09-30T02:00:00.000Z');
    await must('permit.issue', temporary('t2', ['TMP0002'], '2022-01-31', '2022-01-31', 'area-fs'), CLERK, '2022-01-31T02:00:00.000Z');
    await must('permit.issue', temporary('t3', ['TMP0003'], '2022-02-01', '2022-02-01'), CLERK, '2022-02-01T02:00:00.000Z');
    await signInAs(ws, ['supervisor']);
    expect(await ws.call('parking.figures', { from: '2021-09-01', to: '2022-01-31' })).toEqual({
      year: 2022,
      annual: { total: 1, bySite: { SW: 1 } },
      temporary: { total: 2, bySite: { SW: 1, FS: 1 } },
    });
  });
});

describe('agency applications and quotas', () => {
  const fileArgs = { id: 'app-1', agencyId: 'ag-cab', areaId: 'area-sw', type: 'temporary', countAsked: 3, purpose: '運動會', validFrom: '2022-05-01', plates: ['AAA-1111', 'BBB-2222', 'CCC-3333'] };
  const agencyTemp = (id: string, plate: string) => ({ ...temporary(id, [plate], '2022-05-01', '2022-05-01'), holderAgencyId: 'ag-cab', holderName: '民政局' });

  it('approves part of an application: the permits are issued numbered in one batch and the application says partly approved', async () => {
    const { ws, must } = await parkingDesk();
    await must('permitApplication.file', fileArgs);
    const r = await ws.runner.runBatch(
      [
        { name: 'permit.issue', args: agencyTemp('p-1', 'AAA-1111') },
        { name: 'permit.issue', args: agencyTemp('p-2', 'BBB-2222') },
        { name: 'permitApplication.approve', args: { id: 'app-1', permitIds: ['p-1', 'p-2'] } },
      ],
      CLERK,
      T0,
    );
    expect(r.ok).toBe(true);
    const app = ws.runner.records.getSync('permitApplication', 'app-1')!;
    expect(app).toMatchObject({ state: 'partlyApproved', approvedCount: 2, permitIds: ['p-1', 'p-2'], siteId: 'SW' });
    expect(ws.runner.records.getSync('permit', 'p-1')!.number).toMatch(/^證-111-\d{5}$/);
    expect(ws.runner.records.getSync('permit', 'p-2')!.number).not.toBe(ws.runner.records.getSync('permit', 'p-1')!.number);
  });

  it('refuses to decide an application twice, or to approve more than asked, and writes nothing', async () => {
    const { ws, run, must } = await parkingDesk();
    await must('permitApplication.file', { ...fileArgs, countAsked: 1 });
    const over = await ws.runner.runBatch(
      [
        { name: 'permit.issue', args: agencyTemp('p-1', 'AAA-1111') },
        { name: 'permit.issue', args: agencyTemp('p-2', 'BBB-2222') },
        { name: 'permitApplication.approve', args: { id: 'app-1', permitIds: ['p-1', 'p-2'] } },
      ],
      CLERK,
      T0,
    );
    expect(over.ok).toBe(false);
    expect(ws.runner.records.getSync('permit', 'p-1')).toBeUndefined();
    await must('permitApplication.reject', { id: 'app-1', reason: '未借場地' });
    const again = await run('permitApplication.reject', { id: 'app-1', reason: '再駁回' });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.message).toContain('已駁回');
  });

  it("refuses the permit that goes over an agency's daily quota, naming quota, issued and asked", async () => {
    const { ws, run, must } = await parkingDesk();
    await must('parkingQuota.set', { id: 'q-1', agencyId: 'ag-cab', siteId: 'SW', type: 'temporary', year: 2022, quota: 2 });
    await must('permit.issue', agencyTemp('p-1', 'AAA-1111'));
    await must('permit.issue', agencyTemp('p-2', 'BBB-2222'));
    const third = await run('permit.issue', agencyTemp('p-3', 'CCC-3333'));
    expect(third.ok).toBe(false);
    if (!third.ok) {
      expect(third.problem).toMatchObject({ code: 'parking.error.quota', params: { quota: 2, issued: 2, asked: 1 } });
      expect(third.message).toBe('超過機關配額：配額 2 張，已核發 2 張，本次申請 1 張');
    }
    expect(ws.runner.records.getSync('permit', 'p-3')).toBeUndefined();
    // Another day, another site, or a revoked permit frees the quota.
    await must('permit.issue', { ...agencyTemp('p-4', 'CCC-3333'), validFrom: '2022-05-02', validTo: '2022-05-02' });
    await must('permit.revoke', { id: 'p-1', reason: '取消' });
    await must('permit.issue', agencyTemp('p-5', 'DDD-4444'));
  });
});

describe('approving an application from the desk', () => {
  it('issues the permits asked in one step, numbered, lists the application as approved, and a second approval issues nothing', async () => {
    const { ws, must } = await parkingDesk();
    await must('permitApplication.file', {
      id: 'app-9',
      agencyId: 'ag-cab',
      areaId: 'area-sw',
      type: 'temporary',
      countAsked: 3,
      purpose: '運動會',
      validFrom: '2026-12-20',
      plates: ['AAA-1111', 'bbb 2222', 'CCC-3333'],
      venueBookingId: null,
    });
    await signInAs(ws, ['parking_clerk']);
    expect((await ws.call('parking.applications', { states: ['waiting'] })).map((a) => a.id)).toEqual(['app-9']);
    const done = await ws.call('parking.approveApplication', { id: 'app-9', count: 3 });
    if (!done.ok) throw new Error(done.message);
    expect(done.numbers).toHaveLength(3);
    expect(new Set(done.numbers).size).toBe(3);
    expect(ws.runner.records.getSync('permit', done.permitIds[1])!.plates).toEqual(['BBB2222']);
    expect((await ws.call('parking.applications', {}))[0]).toMatchObject({ state: 'approved', approvedCount: 3 });
    const again = await ws.call('parking.approveApplication', { id: 'app-9', count: 3 });
    expect(again.ok).toBe(false);
    expect((await ws.call('parking.permits', { agencyId: 'ag-cab' })).length).toBe(3);
  });
});

describe('what the desk prints', () => {
  it('gives a card per permit asked for, in the order asked, a revoked one marked void, an unknown id left out', async () => {
    const { ws, must } = await parkingDesk();
    await must('permit.issue', annual('p1', ['ABC1234', 'xyz 9876']));
    await must('permit.issue', temporary('p2', ['DEF5678'], '2022-03-10', '2022-03-12', 'area-fs'));
    await must('permit.revoke', { id: 'p1', reason: '離職' });
    await signInAs(ws, ['parking_clerk']);
    const cards = await ws.call('parking.cards', { ids: ['p2', 'nobody', 'p1'] });
    expect(cards.map((c) => c.id)).toEqual(['p2', 'p1']);
    expect(cards[0]).toMatchObject({
      type: 'temporary',
      year: null,
      validFrom: '2022-03-10',
      validTo: '2022-03-12',
      siteName: '鳳山行政中心',
      areaName: expect.stringContaining('地下停車場'),
      void: false,
    });
    expect(cards[1]).toMatchObject({ type: 'annual', year: 2022, plates: ['ABC1234', 'XYZ9876'], siteName: '四維行政中心', agencyName: '民政局', void: true });
    expect(cards[1].number).toMatch(/^證-111-\d{5}$/);
  });

  it('writes the approval letter of an application with the permits issued in number order, and nothing for an unknown one', async () => {
    const { ws, must } = await parkingDesk();
    await must('permitApplication.file', {
      id: 'app-7',
      agencyId: 'ag-cab',
      areaId: 'area-sw',
      type: 'temporary',
      countAsked: 4,
      purpose: '防災講習',
      validFrom: '2026-12-20',
      plates: ['AAA-1111', 'BBB-2222', 'CCC-3333', 'DDD-4444'],
      venueBookingId: null,
    });
    await signInAs(ws, ['parking_clerk']);
    const done = await ws.call('parking.approveApplication', { id: 'app-7', count: 3 });
    if (!done.ok) throw new Error(done.message);
    const letter = await ws.call('parking.letter', { id: 'app-7' });
    expect(letter).toMatchObject({ applicationId: 'app-7', agencyName: '民政局', siteName: '四維行政中心', purpose: '防災講習', countAsked: 4, validFrom: '2026-12-20', bookingNumber: null });
    expect(letter!.numbers).toEqual([...done.numbers].sort());
    expect(letter!.numbers).toHaveLength(3);
    expect(await ws.call('parking.letter', { id: 'app-none' })).toBeNull();
  });
});

describe('the annual renewal', () => {
  /** Five annual permits of 2022, one of them revoked, as the clerk's list starts. */
  async function withPermitsOf2022() {
    const desk = await parkingDesk();
    for (let i = 1; i <= 5; i++) await desk.must('permit.issue', annual(`a${i}`, [`ABC-${1000 + i}`], { holderName: `持證人${i}` }));
    await desk.must('permit.revoke', { id: 'a5', reason: '離職' });
    await signInAs(desk.ws, ['parking_clerk']);
    return desk;
  }
  const numbersOf2023 = (ws: Workstation) =>
    ws.runner.records
      .findSync('permit', { type: 'annual', year: 2023 })
      .map((p) => p.number)
      .sort();

  it("lists this year's valid annual holders and issues next year's permits with the clerk's changes, dropping the unticked", async () => {
    const { ws } = await withPermitsOf2022();
    const list = await ws.call('parking.renewalList', { year: 2023 });
    expect(list.map((l) => l.holderName)).toEqual(['持證人1', '持證人2', '持證人3', '持證人4']);
    expect(list.every((l) => l.renewed === null)).toBe(true);
    // 持證人4 is dropped; 持證人2 has a new car.
    const run = await ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1' }, { oldId: 'a2', plates: ['xyz 9999'] }, { oldId: 'a3' }] });
    if (!run.ok) throw new Error(run.message);
    expect(run.issued).toHaveLength(3);
    expect(run.issued.every((i) => /^證-112-\d{5}$/.test(i.number))).toBe(true);
    const renewed = ws.runner.records.getSync('permit', run.issued[1].id)!;
    expect(renewed).toMatchObject({ type: 'annual', year: 2023, holderName: '持證人2', plates: ['XYZ9999'], validFrom: '2023-01-01', validTo: '2023-12-31', status: 'valid' });
    const after = await ws.call('parking.renewalList', { year: 2023 });
    expect(after.map((l) => l.renewed?.plates ?? null)).toEqual([['ABC1001'], ['XYZ9999'], ['ABC1003'], null]);
  });

  it('resumes a run cut short without issuing twice: the lines renewed already are skipped', async () => {
    const { ws } = await withPermitsOf2022();
    const first = await ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1' }, { oldId: 'a2' }] });
    if (!first.ok) throw new Error(first.message);
    // The screen was closed here; the clerk starts the whole list again.
    const again = await ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1' }, { oldId: 'a2' }, { oldId: 'a3' }, { oldId: 'a4' }] });
    if (!again.ok) throw new Error(again.message);
    expect(again.skipped).toEqual(['a1', 'a2']);
    expect(again.issued.map((i) => i.oldId)).toEqual(['a3', 'a4']);
    expect(numbersOf2023(ws)).toHaveLength(4);
    expect(new Set(numbersOf2023(ws)).size).toBe(4);
  });

  it('issues the rest when one line is refused, and names the refused line with the reason', async () => {
    const { ws, must } = await withPermitsOf2022();
    // Someone already holds XYZ-9999 at this site for 2023.
    await must('permit.issue', annual('other', ['XYZ-9999'], { year: 2023, holderName: '他人' }));
    const run = await ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1' }, { oldId: 'a2', plates: ['XYZ9999'] }, { oldId: 'a3' }, { oldId: 'a5' }] });
    if (!run.ok) throw new Error(run.message);
    expect(run.issued.map((i) => i.oldId)).toEqual(['a1', 'a3']);
    expect(run.refused.map((r) => r.oldId)).toEqual(['a5', 'a2']);
    expect(run.refused[1].message).toContain('XYZ-9999');
    expect(run.refused[0].message).toContain('已作廢');
    expect(numbersOf2023(ws)).toHaveLength(3);
  });

  it('is for the clerks who issue permits: a viewer may not renew, and a bad plate is refused before anything is issued', async () => {
    const { ws } = await withPermitsOf2022();
    await expect(ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1', plates: ['not a plate!'] }] })).rejects.toThrow(/plate/);
    expect(numbersOf2023(ws)).toEqual([]);
    await signInAs(ws, ['viewer']);
    await expect(ws.call('parking.renewalList', { year: 2023 })).rejects.toThrow();
    await expect(ws.call('parking.renew', { year: 2023, lines: [{ oldId: 'a1' }] })).rejects.toThrow();
  });
});
