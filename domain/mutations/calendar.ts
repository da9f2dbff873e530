/** Mutations of the working-day calendar. A day's id is its date, so two imports agree. */
import { z } from 'zod';
import { isBusinessDate } from '../dates';
import { DAY_KINDS } from '../entities';
import type { Role } from '../roles';
import { defineMutation } from './define';
import { requiredText, text } from './reference';
import type { Tx } from './tx';

const CALENDAR_ROLES: readonly Role[] = ['admin', 'supervisor'];

export const businessDate = z.string().refine(isBusinessDate, { message: 'date' });

const day = z.object({ date: businessDate, kind: z.enum(DAY_KINDS), name: text(60) }).strict();

async function setDay(tx: Tx, d: z.output<typeof day>, at: string) {
  const current = await tx.get('calendarDay', d.date);
  if (!current) await tx.insert('calendarDay', { id: d.date, ...d, createdAt: at, updatedAt: at });
  else if (current.kind !== d.kind || current.name !== d.name) {
    const patch: Record<string, string> = { updatedAt: at };
    if (current.kind !== d.kind) patch.kind = d.kind;
    if (current.name !== d.name) patch.name = d.name;
    await tx.update('calendarDay', d.date, patch);
  }
}

export const calendarMutationDefs = [
  defineMutation({
    name: 'calendarDay.set',
    args: day,
    roles: CALENDAR_ROLES,
    apply: (tx, args, ctx) => setDay(tx, args, ctx.at),
  }),
  defineMutation({
    name: 'calendarDay.clear',
    args: z.object({ date: businessDate }).strict(),
    roles: CALENDAR_ROLES,
    async apply(tx, { date }) {
      if (await tx.get('calendarDay', date)) await tx.remove('calendarDay', date);
    },
  }),
  defineMutation({
    name: 'calendar.importYear',
    args: z
      .object({
        year: z.number().int().min(1990).max(2200),
        source: requiredText(100),
        days: z.array(day).max(366),
      })
      .strict(),
    roles: CALENDAR_ROLES,
    async apply(tx, { year, days }, ctx) {
      // The import replaces that year's exceptions: a day dropped from the file is dropped here.
      const wanted = new Set(days.map((d) => d.date));
      for (const existing of await tx.find('calendarDay', {})) {
        if (existing.date.startsWith(`${year}-`) && !wanted.has(existing.date)) await tx.remove('calendarDay', existing.id);
      }
      for (const d of days) if (d.date.startsWith(`${year}-`)) await setDay(tx, d, ctx.at);
    },
  }),
];
