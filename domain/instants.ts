/**
 * Instants: UTC ISO strings in the one form Date#toISOString writes
 * (2022-01-31T06:05:00.000Z). Kept in that form everywhere, text order is time order, on
 * SQLite and PostgreSQL alike, so spans can be compared and indexed as text.
 */
import { z } from 'zod';

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Whether a stored value is an instant in the canonical form. */
export const isInstant = (value: unknown): value is string => typeof value === 'string' && CANONICAL.test(value);

/**
 * An instant as an argument: any ISO date-time with at least hours and minutes, turned
 * into the canonical form before a mutator or a query sees it.
 */
export const instant = z
  .string()
  .max(40)
  .refine((s) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s) && Number.isFinite(Date.parse(s)), { message: 'date' })
  .transform((s) => new Date(s).toISOString());
