/**
 * The demo's motor pool around `now`: the garages' vehicles, the three demo drivers (and
 * their profiles), a week of trips (last days' logged, this week's dispatched), requests
 * waiting from both sources (online and paper), one loan under way, a vehicle in for
 * inspection and a driver's leave. Plates are made up. The report period's history is
 * another module's (report-period-vehicles.ts).
 */
import { addDays, taipeiDateOf, taipeiInstant } from '../../../domain/dates';
import type { NamedMutation } from '../desk';
import { agencyId } from './agencies';
import { personId } from './people';
import { spaceId } from './places';

export const demoVehicleId = (n: number) => `demo-vehicle-${n}`;
export const demoDriverId = (handle: string) => `demo-driver-${handle}`;

const SW_GARAGE = spaceId('SW', 'G-B1');
const FS_GARAGE = spaceId('FS', 'G-BB1');

const VEHICLES = [
  { plate: 'AMK-1201', make: 'Toyota', model: 'Altis', type: 'sedan', seats: 5, garage: SW_GARAGE, odometer: 48_210 },
  { plate: 'AMK-1202', make: 'Toyota', model: 'Camry', type: 'sedan', seats: 5, garage: SW_GARAGE, odometer: 61_530 },
  { plate: 'BGR-3306', make: 'Toyota', model: 'Previa', type: 'van', seats: 8, garage: SW_GARAGE, odometer: 92_004 },
  { plate: 'KAA-5518', make: 'Mitsubishi', model: 'Rosa', type: 'minibus', seats: 21, garage: SW_GARAGE, odometer: 130_870 },
  { plate: 'RBC-7723', make: 'Nissan', model: 'Sentra', type: 'sedan', seats: 5, garage: FS_GARAGE, odometer: 35_640 },
  { plate: 'RBC-7724', make: 'Ford', model: 'Tourneo', type: 'van', seats: 9, garage: FS_GARAGE, odometer: 57_310 },
  { plate: 'KEP-0831', make: 'Mitsubishi', model: 'Canter', type: 'truck', seats: 3, garage: FS_GARAGE, odometer: 88_420 },
] as const;

const DRIVERS = [
  { handle: 'zhao-zhicheng', licenceClass: 'pro_bus', phone: '07-799-2171' },
  { handle: 'sun-jianmin', licenceClass: 'pro_light', phone: '07-799-2172' },
  { handle: 'ma-yongfu', licenceClass: 'pro_heavy_truck', phone: '07-799-2173' },
] as const;

interface DemoRequest {
  key: string;
  source: 'online' | 'paper';
  agency: string;
  requester: string;
  passengers: number;
  purpose: string;
  stops: string[];
  day: number;
  from: string;
  to: string;
  km: number;
  isLoan?: boolean;
  withDriver?: boolean;
  /** Dispatched: the vehicle's number and the driver's handle (null: a loan without our driver). */
  assign?: [number, string | null];
}

export function vehicleMutations(now: Date): NamedMutation[] {
  const out: NamedMutation[] = [];
  const add = (name: string, args: Record<string, unknown>) => out.push({ name, args });
  const today = taipeiDateOf(now);
  const at = (day: number, clock: string) => taipeiInstant(addDays(today, day), clock);
  const year = Number(today.slice(0, 4));

  VEHICLES.forEach((v, i) =>
    add('vehicle.create', {
      id: demoVehicleId(i + 1),
      plate: v.plate,
      make: v.make,
      model: v.model,
      type: v.type,
      seats: v.seats,
      garageId: v.garage,
      status: 'in_service',
      odometer: v.odometer,
      // One insurance falls due within the month, for the documents-due list.
      insuranceDue: i === 2 ? addDays(today, 20) : `${year + 1}-0${1 + (i % 6)}-15`,
      inspectionDue: i === 5 ? addDays(today, 45) : `${year + 1}-0${3 + (i % 6)}-01`,
      licenceDue: `${year + 1}-12-31`,
      fuelCard: `FC-${String(3301 + i)}`,
      notes: '',
      // Serviced every six months or 10,000 km; the Camry's falls due this week (保養到期).
      serviceIntervalMonths: 6,
      serviceIntervalKm: 10_000,
      nextServiceDate: i === 1 ? addDays(today, 3) : addDays(today, 40 + i * 15),
      nextServiceKm: Math.ceil((v.odometer + 2_000) / 10_000) * 10_000,
    }),
  );
  for (const d of DRIVERS)
    add('driverProfile.create', {
      id: demoDriverId(d.handle),
      personId: personId(d.handle),
      licenceClass: d.licenceClass,
      licenceExpiry: d.handle === 'ma-yongfu' ? addDays(today, 25) : `${year + 2}-06-30`,
      phone: d.phone,
      allowedTypes: [],
    });
  // The truck goes for its yearly inspection the day after tomorrow; 孫建民 is on leave on day +3.
  add('vehicle.unavailable', { id: 'demo-vehicle-down-1', vehicleId: demoVehicleId(7), from: at(2, '08:00'), to: at(2, '17:00'), reason: '定期檢驗' });
  add('driver.leave', { id: 'demo-driver-leave-1', driverId: demoDriverId('sun-jianmin'), from: at(3, '00:00'), to: at(4, '00:00'), reason: '休假' });

  const requests: DemoRequest[] = [
    // The days before today: trips made and logged.
    {
      key: 'p1',
      source: 'online',
      agency: 'CAB',
      requester: '林淑芬',
      passengers: 3,
      purpose: '里民活動中心會勘',
      stops: ['鳳山區', '大寮區'],
      day: -4,
      from: '09:00',
      to: '12:00',
      km: 38,
      assign: [1, 'sun-jianmin'],
    },
    {
      key: 'p2',
      source: 'paper',
      agency: 'SEC',
      requester: '王建國',
      passengers: 2,
      purpose: '公文送達',
      stops: ['鳳山行政中心'],
      day: -3,
      from: '10:00',
      to: '11:30',
      km: 24,
      assign: [5, 'ma-yongfu'],
    },
    {
      key: 'p3',
      source: 'online',
      agency: 'SAB',
      requester: '陳雅婷',
      passengers: 7,
      purpose: '長照據點訪視',
      stops: ['旗山區', '美濃區'],
      day: -2,
      from: '08:30',
      to: '16:30',
      km: 132,
      assign: [3, 'zhao-zhicheng'],
    },
    {
      key: 'p4',
      source: 'online',
      agency: 'PWB',
      requester: '黃志豪',
      passengers: 2,
      purpose: '道路工程查驗',
      stops: ['仁武區'],
      day: -1,
      from: '13:30',
      to: '16:00',
      km: 42,
      assign: [2, 'sun-jianmin'],
    },
    // Today and the days after: dispatched.
    {
      key: 't1',
      source: 'online',
      agency: 'FIN',
      requester: '吳佳穎',
      passengers: 2,
      purpose: '稅務說明會',
      stops: ['岡山區'],
      day: 0,
      from: '09:00',
      to: '12:00',
      km: 56,
      assign: [1, 'sun-jianmin'],
    },
    {
      key: 't2',
      source: 'paper',
      agency: 'SEC',
      requester: '王建國',
      passengers: 15,
      purpose: '市政參訪接待',
      stops: ['左營高鐵站', '四維行政中心'],
      day: 0,
      from: '13:00',
      to: '17:00',
      km: 46,
      assign: [4, 'zhao-zhicheng'],
    },
    {
      key: 't3',
      source: 'online',
      agency: 'EDU',
      requester: '蔡宗翰',
      passengers: 4,
      purpose: '校園安全訪視',
      stops: ['路竹區', '湖內區'],
      day: 1,
      from: '08:30',
      to: '12:30',
      km: 64,
      assign: [5, 'ma-yongfu'],
    },
    {
      key: 't4',
      source: 'online',
      agency: 'YOU',
      requester: '許家豪',
      passengers: 6,
      purpose: '青年創業基地導覽',
      stops: ['駁二藝術特區'],
      day: 2,
      from: '14:00',
      to: '17:00',
      km: 30,
      assign: [3, 'sun-jianmin'],
    },
    {
      key: 't5',
      source: 'paper',
      agency: 'PER',
      requester: '鄭美華',
      passengers: 3,
      purpose: '訓練中心研習',
      stops: ['高雄市政府公務人力發展中心'],
      day: 4,
      from: '08:00',
      to: '17:30',
      km: 34,
      assign: [2, 'ma-yongfu'],
    },
    // The loan under way: the Sports Development Bureau's van, without our driver, since yesterday.
    {
      key: 'loan',
      source: 'online',
      agency: 'SPO',
      requester: '楊宗霖',
      passengers: 6,
      purpose: '全市運動會器材運送',
      stops: ['中正運動場', '國家體育場'],
      day: -1,
      from: '08:00',
      to: '18:00',
      km: 80,
      isLoan: true,
      withDriver: false,
      assign: [6, null],
    },
    // Waiting for the dispatcher, from both sources.
    { key: 'w1', source: 'online', agency: 'CAB', requester: '林淑芬', passengers: 4, purpose: '區公所業務督導', stops: ['美濃區公所', '六龜區公所'], day: 1, from: '09:00', to: '16:00', km: 168 },
    { key: 'w2', source: 'online', agency: 'LEG', requester: '周怡君', passengers: 2, purpose: '法律扶助說明會', stops: ['楠梓區'], day: 2, from: '09:30', to: '12:00', km: 40 },
    { key: 'w3', source: 'paper', agency: 'SAB', requester: '陳雅婷', passengers: 12, purpose: '社福團體聯繫會報', stops: ['旗津區', '前鎮區'], day: 3, from: '13:30', to: '17:30', km: 36 },
    { key: 'w4', source: 'paper', agency: 'UDB', requester: '劉建宏', passengers: 3, purpose: '都市更新現勘', stops: ['鹽埕區'], day: 5, from: '10:00', to: '12:00', km: 22, isLoan: true },
  ];

  let paper = 0;
  for (const r of requests) {
    const requestId = `demo-trip-request-${r.key}`;
    add('request.file', {
      id: requestId,
      source: r.source,
      ...(r.source === 'paper' ? { paperNumber: `紙-${year - 1911}-${String(++paper).padStart(4, '0')}` } : {}),
      agencyId: agencyId(r.agency),
      requesterName: r.requester,
      passengers: r.passengers,
      purpose: r.purpose,
      stops: r.stops,
      departAt: at(r.day, r.from),
      returnAt: at(r.day, r.to),
      distanceKm: r.km,
      isLoan: r.isLoan ?? false,
      withDriver: r.withDriver ?? true,
    });
    if (!r.assign) continue;
    const [vehicle, driver] = r.assign;
    const tripId = `demo-trip-${r.key}`;
    add('trip.assign', { id: tripId, requestId, vehicleId: demoVehicleId(vehicle), driverId: driver ? demoDriverId(driver) : null });
    if (r.key === 'loan') {
      add('trip.log', { id: tripId, actualDepartAt: at(r.day, '08:10'), odometerOut: VEHICLES[vehicle - 1].odometer, handover: '油量滿格，車況良好，交予運動發展局楊宗霖' });
    } else if (r.day < 0) {
      const base = VEHICLES[vehicle - 1].odometer + 400 + r.day * -10;
      add('trip.log', {
        id: tripId,
        actualDepartAt: at(r.day, r.from),
        actualReturnAt: at(r.day, r.to),
        odometerOut: base,
        odometerIn: base + r.km,
        fuelLitres: r.km > 100 ? 18.5 : null,
        tolls: r.km > 100 ? 120 : 0,
        incidents: '',
      });
    }
  }
  return out;
}
