/**
 * The online trip request (線上申請): what an agency's staff fill in on the sync server's
 * LAN page, checked here and turned into the arguments of `request.file`. The agency and
 * the source are never the form's: the server takes them from the signed-in account.
 * Dates are typed as on paper, in the ROC calendar (115/12/08), times as 09:30, in Taipei.
 */
import { z } from 'zod';
import { parseDateInput, taipeiInstant } from '../dates';
import type { Problem } from '../errors';
import { requestFileArgs } from './schemas';
import type { TripRequest } from './types';

/** Where the agencies usually go, with the round trip's distance from the city hall (km). */
export interface UsualDestination {
  id: string;
  nameZh: string;
  nameEn: string;
  km: number;
}

export const USUAL_DESTINATIONS: readonly UsualDestination[] = [
  { id: 'fengshan', nameZh: '鳳山行政中心', nameEn: 'Fengshan Civic Center', km: 20 },
  { id: 'airport', nameZh: '高雄國際機場', nameEn: 'Kaohsiung International Airport', km: 18 },
  { id: 'zuoying-hsr', nameZh: '高鐵左營站', nameEn: 'HSR Zuoying Station', km: 24 },
  { id: 'pingtung', nameZh: '屏東縣政府', nameEn: 'Pingtung County Government', km: 60 },
  { id: 'qishan', nameZh: '旗山區公所', nameEn: 'Qishan District Office', km: 100 },
  { id: 'tainan', nameZh: '臺南市政府', nameEn: 'Tainan City Government', km: 100 },
  { id: 'meinong', nameZh: '美濃區公所', nameEn: 'Meinong District Office', km: 120 },
  { id: 'jiaxian', nameZh: '甲仙區公所', nameEn: 'Jiaxian District Office', km: 170 },
  { id: 'namasia', nameZh: '那瑪夏區公所', nameEn: 'Namasia District Office', km: 230 },
  { id: 'taipei', nameZh: '行政院（臺北）', nameEn: 'Executive Yuan (Taipei)', km: 720 },
];

const DESTINATION_IDS = USUAL_DESTINATIONS.map((d) => d.id) as [string, ...string[]];

/** A date as typed: ROC (115/12/08, 1151208, 115年12月8日) or Gregorian; turned into YYYY-MM-DD. */
const typedDate = z
  .string()
  .max(20)
  .refine((s) => parseDateInput(s) !== null, { message: 'date' })
  .transform((s) => parseDateInput(s)!);

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'time' });

const f = requestFileArgs.shape;

export const onlineRequestForm = z
  .object({
    requesterName: f.requesterName,
    passengers: f.passengers,
    purpose: f.purpose,
    stops: f.stops,
    departDate: typedDate,
    departTime: clock,
    returnDate: typedDate,
    returnTime: clock,
    destinationId: z.enum(DESTINATION_IDS).nullable().optional(),
    distanceKm: f.distanceKm,
    isLoan: z.boolean(),
    withDriver: z.boolean(),
  })
  .strict()
  .meta({ id: 'OnlineRequestForm' });

export type OnlineRequestForm = z.output<typeof onlineRequestForm>;

/** Who files it, from the signed-in account. */
export interface OnlineFiler {
  agencyId: string;
  personId: string | null;
}

/** The arguments of `request.file` for a checked form. */
export function onlineRequestArgs(id: string, form: OnlineRequestForm, filer: OnlineFiler) {
  return {
    id,
    source: 'online' as const,
    agencyId: filer.agencyId,
    personId: filer.personId,
    requesterName: form.requesterName,
    passengers: form.passengers,
    purpose: form.purpose,
    stops: form.stops,
    departAt: taipeiInstant(form.departDate, form.departTime),
    returnAt: taipeiInstant(form.returnDate, form.returnTime),
    distanceKm: form.distanceKm,
    isLoan: form.isLoan,
    // Our driver always goes unless the vehicle is lent: a loan may go without one.
    withDriver: form.isLoan ? form.withDriver : true,
  };
}

/** What the form is refused for before it is filed: a return before departure, a departure already past. */
export function onlineRequestProblem(args: { departAt: string; returnAt: string }, now: Date): Problem | null {
  if (Date.parse(args.departAt) <= now.getTime()) return { code: 'vehicles.error.departPast', params: {}, field: 'departDate' };
  if (!(args.returnAt > args.departAt)) return { code: 'vehicles.error.times', params: {}, field: 'returnDate' };
  return null;
}

/** The form's field that a refusal of `request.file` names (its arguments are the form's, renamed). */
export function onlineFieldOf(field: string | undefined): string | undefined {
  if (!field) return undefined;
  const top = field.split('.')[0];
  return ({ departAt: 'departDate', returnAt: 'returnDate' } as Record<string, string>)[top] ?? top;
}

/** A request as its agency sees it on the page: the request's own fields, and the vehicle once one is dispatched. */
export type OnlineRequestView = Pick<
  TripRequest,
  'id' | 'requesterName' | 'passengers' | 'purpose' | 'stops' | 'departAt' | 'returnAt' | 'distanceKm' | 'isLoan' | 'withDriver' | 'source' | 'state' | 'cancelReason' | 'createdAt'
> & { plate: string | null };
