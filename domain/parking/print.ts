/**
 * Printing permits: each permit a card to put behind the windshield, several cards to an A4
 * sheet for a batch (an approval's permits, a selection in the list). What a card shows is
 * what the gate and the windshield need — number, validity, site, area, plates, the
 * holder's agency — and no person's name.
 */
import type { BusinessDate } from '../dates';
import type { PermitType, ParkingVehicleType } from './types';

/** Cards on one A4 sheet: two columns of four (each card 85 × 62 mm inside the 15 mm margins). */
export const CARDS_PER_SHEET = 8;

/** The cards split into the sheets they print on, in order; no sheet when there are no cards. */
export function cardSheets<T>(cards: readonly T[], perSheet = CARDS_PER_SHEET): T[][] {
  if (perSheet < 1) throw new RangeError('perSheet');
  const sheets: T[][] = [];
  for (let i = 0; i < cards.length; i += perSheet) sheets.push(cards.slice(i, i + perSheet));
  return sheets;
}

/** One permit as its card prints it, the names in the reader's language. */
export interface PermitCard {
  id: string;
  number: string;
  type: PermitType;
  /** An annual permit's year; null for a temporary one (its dates are printed). */
  year: number | null;
  validFrom: BusinessDate;
  validTo: BusinessDate;
  /** Normalised; the card prints them with formatPlate. */
  plates: string[];
  vehicleType: ParkingVehicleType;
  siteName: string;
  areaName: string;
  agencyName: string;
  /** Not valid any more (revoked or replaced): the card is printed marked void, for the file. */
  void: boolean;
}

/** The approval letter of an agency's application (核准函), on one A4 page. */
export interface ApprovalLetter {
  applicationId: string;
  agencyName: string;
  siteName: string;
  areaName: string;
  type: PermitType;
  purpose: string;
  year: number | null;
  validFrom: BusinessDate;
  validTo: BusinessDate;
  contactName: string;
  filedOn: BusinessDate;
  countAsked: number;
  /** The permits issued, in number order. */
  numbers: string[];
  /** The venue booking's number, where the application came with one. */
  bookingNumber: string | null;
}

/** The letter lists the numbers as ranges of consecutive ones: 證-111-00001 至 證-111-00040、證-111-00045. */
export function numberRanges(numbers: readonly string[]): Array<{ first: string; last: string }> {
  const parse = (n: string) => {
    const m = /^(.*?)(\d+)$/.exec(n);
    return m ? { prefix: m[1], n: Number(m[2]), width: m[2].length } : null;
  };
  const ranges: Array<{ first: string; last: string }> = [];
  let prev: ReturnType<typeof parse> = null;
  for (const number of [...numbers].sort()) {
    const cur = parse(number);
    const last = ranges.at(-1);
    if (last && prev && cur && cur.prefix === prev.prefix && cur.width === prev.width && cur.n === prev.n + 1) last.last = number;
    else ranges.push({ first: number, last: number });
    prev = cur;
  }
  return ranges;
}
