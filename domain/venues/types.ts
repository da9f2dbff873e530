/**
 * The venue desk's records. A venue (場地) is a space of the places tree with booking
 * settings; a booking (場地申請) holds one stretch of time at one venue. A recurring series
 * (a weekly meeting) is a template whose occurrences are ordinary bookings, one record per
 * date, so every rule — approval, conflicts, moving, cancelling — applies per occurrence.
 * Instants are UTC ISO strings (always as Date#toISOString writes them, so they sort as text).
 */
import type { Attachment } from '../attachments';

/** 大禮堂 auditorium, 中庭/展覽空間 atrium or exhibition space, 會議室 meeting room. */
export const VENUE_TYPES = ['auditorium', 'atrium', 'meeting_room'] as const;
export type VenueType = (typeof VENUE_TYPES)[number];

/** Activity venues give the report's venue sessions (場次); meeting rooms give room uses. */
export const ACTIVITY_VENUE_TYPES: readonly VenueType[] = ['auditorium', 'atrium'];

export const EQUIPMENT = [
  'projector', // 投影機
  'screen', // 投影幕
  'microphone', // 麥克風
  'sound_system', // 音響
  'video_conference', // 視訊會議設備
  'podium', // 講台
  'stage_lighting', // 舞台燈光
  'piano', // 鋼琴
  'whiteboard', // 白板
  'display_panels', // 展示板
] as const;
export type Equipment = (typeof EQUIPMENT)[number];

/** 政令宣導 / 市政行銷 / 學術教育 / 社教 / 演講 / 展覽 / 表演 / 會議 / 訓練 */
export const ACTIVITY_TYPES = ['policy_promotion', 'city_marketing', 'academic', 'social_education', 'lecture', 'exhibition', 'performance', 'meeting', 'training'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** 申請中 → 核准 / 駁回; 取消 at any time before it is over. */
export const BOOKING_STATUSES = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Who may apply: agencies of the city government only, or outside groups too. */
export const BOOKABLE_BY = ['agencies', 'anyone'] as const;
export type BookableBy = (typeof BOOKABLE_BY)[number];

/** 0: booked at once; 1: the venue clerk approves; 2: the clerk, then the section chief (supervisor). */
export type ApprovalLevels = 0 | 1 | 2;

/** A stretch of days the venue cannot be booked (maintenance, renovation), both days included. */
export interface VenueClosure {
  /** Taipei calendar dates 'YYYY-MM-DD'. */
  from: string;
  to: string;
  reason: string;
}

/** 場地: the booking settings of one space. */
export interface Venue {
  id: string;
  spaceId: string;
  type: VenueType;
  capacity: number;
  equipment: Equipment[];
  /** Opening hours on working days, Taipei time 'HH:MM' (close may be '24:00'). */
  opensAt: string;
  closesAt: string;
  /** Default set-up and tear-down minutes; a booking may ask for more, never less. */
  bufferBefore: number;
  bufferAfter: number;
  approvalLevels: ApprovalLevels;
  bookableBy: BookableBy;
  /** NT$ per booking (0: free) and deposit. */
  fee: number;
  deposit: number;
  closures: VenueClosure[];
  notes: string;
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One step in a booking's life, shown as its status list (the audit has the field-level detail). */
export type BookingStepAction = 'applied' | 'approved' | 'rejected' | 'cancelled' | 'moved' | 'displaced' | 'reopened';

export interface BookingStep {
  action: BookingStepAction;
  /** The approval level reached by an 'approved' step (1 or 2; 0 when no approval is needed). */
  level?: number;
  userId: string;
  at: string;
  /** Why (rejection, cancellation, an override, a displacement). */
  reason?: string;
}

/** The application's particulars: what a series and each of its occurrences share. */
export interface BookingParticulars {
  venueId: string;
  /** An agency applies (applicantAgencyId) or an outside organisation (applicantOrg). */
  applicantAgencyId: string | null;
  applicantOrg: string;
  contactName: string;
  contactPhone: string;
  /** 活動名稱 */
  eventName: string;
  activityType: ActivityType;
  attendees: number;
  equipment: Equipment[];
  /** 文號 of the applicant's official letter. */
  letterNo: string;
  /** Attached files (the scanned letter), kept apart from the record under their SHA-256. */
  attachments: Attachment[];
  fee: number;
  feeWaived: boolean;
  notes: string;
}

/** 場地申請: one booking, or one occurrence of a series. */
export interface Booking extends BookingParticulars {
  id: string;
  /** 場-111-00001; the occurrences of a series carry the series' number. */
  number: string;
  /** The series this occurrence belongs to, and the date it was generated for (its id is `${seriesId}:${originalDate}`). */
  seriesId: string | null;
  originalDate: string | null;
  start: string;
  end: string;
  /** Set-up and tear-down minutes this booking holds the venue (at least the venue's defaults when booked). */
  bufferBefore: number;
  bufferAfter: number;
  /** start − bufferBefore and end + bufferAfter: what the overlap rule compares. */
  occupiedFrom: string;
  occupiedTo: string;
  status: BookingStatus;
  /** Approval levels signed so far. */
  approvedLevel: number;
  steps: BookingStep[];
  /** A supervisor let it past the opening hours, a closure or a holiday, or displaced others for it. */
  overrideReason: string;
  /** Sent back to pending because a supervisor gave its time to an official event. */
  displaced: boolean;
  displacedBy: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Weekly on some weekdays (every `interval` weeks), or every `interval` days. */
export type RecurrenceRule = { freq: 'weekly'; interval: number; weekdays: number[] } | { freq: 'daily'; interval: number };

/** A recurring booking (每週例會): the template its occurrence records were generated from. */
export interface BookingSeries extends BookingParticulars {
  id: string;
  number: string;
  rule: RecurrenceRule;
  /** First date, and Taipei wall-clock times of each occurrence. */
  startDate: string;
  startTime: string;
  endTime: string;
  /** The last date, or how many occurrences; one of the two. */
  until: string | null;
  count: number | null;
  bufferBefore: number;
  bufferAfter: number;
  /** Rule dates left out because they were not working days (holidays, closures). */
  skippedDates: string[];
  /** pending → approved / rejected, cancelled: the series as a whole; occurrences may differ. */
  status: BookingStatus;
  steps: BookingStep[];
  createdAt: string;
  updatedAt: string;
}
