/**
 * One call of the workstation API, declared by the desk (or the shell part) it belongs
 * to: the schema its arguments must pass, and who may make it. Workstation#call checks
 * both for every call before any handler runs, as the server's endpoint table does.
 */
import { z } from 'zod';
import type { Outcome } from './errors';
import { businessDate } from './mutations/calendar';
import { ROLES, type Role } from './roles';

/**
 * Who may make a call: `none` before anyone signs in (the sign-in screen's own calls),
 * `signedIn` anyone signed in with the screen unlocked, or only these roles (also
 * signed in and unlocked).
 */
export type Access = 'none' | 'signedIn' | readonly Role[];

export interface CallDef<S extends z.ZodType = z.ZodType> {
  args: S;
  access: Access;
  /**
   * Who may make the call with these (checked) arguments, when it depends on them: an
   * import of permits is a parking clerk's, of agencies an administrator's. Checked
   * after `access`, which must let through everyone this may.
   */
  accessOf?: (args: z.output<S>) => Access;
}

export const defineCall = <S extends z.ZodType>(args: S, access: Access, accessOf?: (args: z.output<S>) => Access): CallDef<S> => ({ args, access, ...(accessOf ? { accessOf } : {}) });

/** Everyone who reads the desks' records: all but the guard, whose screen is the gate lookup. */
export const DESK_READERS: readonly Role[] = ROLES.filter((r) => r !== 'guard');

/** Whoever changes records somewhere (the mutations check which ones). */
export const WRITERS: readonly Role[] = ROLES.filter((r) => r !== 'guard' && r !== 'viewer');

/** Whether a session with these roles may make a call of this access. */
export function mayCall(access: Access, session: { signedIn: boolean; roles: readonly Role[] }): boolean {
  if (access === 'none') return true;
  if (!session.signedIn) return false;
  return access === 'signedIn' || session.roles.some((r) => access.includes(r));
}

/** The spreadsheet formats of every desk's `*.export` call: Excel, and the OpenDocument offices exchange by policy. */
export const exportFormat = z.enum(['xlsx', 'ods']);

/** What every desk's `*.export` call answers: the file, its type, and a dated file name. */
export type ExportedList = Outcome<{ fileBase64: string; fileName: string; mime: string }>;

/**
 * A report period in Taipei calendar dates, both ends included: every desk's `*.figures`
 * call takes it, and the (Gregorian) year a figure counts for where one does (annual permits).
 */
export const periodArgs = z
  .object({ from: businessDate, to: businessDate, year: z.number().int().min(1912).max(2200).optional() })
  .strict()
  .refine((p) => p.from <= p.to, { message: 'period', path: ['to'] });

/**
 * A drill-down call of the report (each desk's `*.figureRecords`): the period, the year,
 * and which of the desk's figures to list, one of `figures`.
 */
export const figureRecordsArgs = <F extends readonly [string, ...string[]]>(figures: F) =>
  z
    .object({ from: businessDate, to: businessDate, year: z.number().int().min(1912).max(2200).optional(), figure: z.enum(figures) })
    .strict()
    .refine((p) => p.from <= p.to, { message: 'period', path: ['to'] });
