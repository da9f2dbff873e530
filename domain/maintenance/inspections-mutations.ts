/**
 * Mutations of preventive maintenance and inspections: plans (create / update / archive /
 * restore / delete), making the rounds due in a window, recording checklist items, and
 * completing, skipping, reopening and assigning rounds.
 */
import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { addDays, taipeiDateOf, type BusinessDate } from '../dates';
import { DomainError } from '../errors';
import { businessDate } from '../mutations/calendar';
import { defineMutation, type MutationContext } from '../mutations/define';
import { mustGet, printedNumber, recordId, referenceMutations, requiredText, text } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import type { Role } from '../roles';
import { calendarExceptionsOf, isWorkingDay } from '../working-days';
import { OUTCOMES, missingRounds, resultId, roundProgress, type InspectionPlan, type InspectionResult, type InspectionRound } from './inspections';
import { HOLIDAY_RULES, recurrenceSchema } from './recurrence';
import { TICKET_CATEGORIES, TICKET_PRIORITIES, TICKET_WORK_ROLES } from './tickets';
import type { Attachment } from '../attachments';
import { instant } from '../instants';
import { openWorkItem } from '../work-items/open';

/** Who keeps the plans. */
export const PLAN_ROLES: readonly Role[] = ['admin', 'supervisor', 'maintenance_clerk'];
/** Who works the rounds: the desk and the technicians. */
export const ROUND_ROLES: readonly Role[] = ['admin', 'supervisor', 'maintenance_clerk', 'technician'];
/** Who may reopen a round done or skipped. */
export const REOPEN_ROLES: readonly Role[] = ['admin', 'supervisor', 'maintenance_clerk'];

/** Round ids are longer than record ids: they carry the plan id and a date. */
export const roundIdArg = z.string().trim().min(1).max(120);

/** The longest window one generate covers (a little over a year). */
export const MAX_WINDOW_DAYS = 400;

const checklistItem = z
  .object({
    id: z.string().trim().min(1).max(20),
    text: requiredText(200),
  })
  .strict();

const planFields = z.object({
  name: requiredText(100),
  category: z.enum(TICKET_CATEGORIES),
  recurrence: recurrenceSchema,
  startOn: businessDate,
  endOn: businessDate.nullable(),
  endAfter: z.number().int().min(1).max(1000).nullable(),
  onHoliday: z.enum(HOLIDAY_RULES),
  graceDays: z.number().int().min(0).max(90),
  spaceIds: z.array(recordId).min(1).max(200),
  assetIds: z.array(recordId).max(100),
  checklist: z.array(checklistItem).min(1).max(60),
  assigneeId: recordId.nullable(),
  note: text(500),
});

/** Fields whose change alters the rounds still to come. */
const ROUND_SHAPING = ['recurrence', 'startOn', 'endOn', 'endAfter', 'onHoliday', 'spaceIds', 'checklist', 'assigneeId'] as const;

function duplicateOf(values: readonly string[]): string | undefined {
  return values.find((v, i) => values.indexOf(v) !== i);
}

/** Assignees are technicians or a contractor's people. */
export async function checkAssignee(tx: Tx, personId: string | null, field = 'assigneeId'): Promise<void> {
  if (!personId) return;
  const person = await tx.get('person', personId);
  if (!person) throw new DomainError('error.notFound', { kind: 'person', id: personId }, field);
  if (person.kind !== 'technician' && person.kind !== 'contractor') throw new DomainError('inspection.error.assigneeKind', { name: person.name }, field);
}

async function checkPlan(tx: Tx, plan: InspectionPlan): Promise<void> {
  if (plan.endOn && plan.endOn < plan.startOn) throw new DomainError('inspection.error.endBeforeStart', {}, 'endOn');
  if (plan.endOn && plan.endAfter) throw new DomainError('inspection.error.twoEnds', {}, 'endAfter');
  const dupItem = duplicateOf(plan.checklist.map((i) => i.id));
  if (dupItem) throw new DomainError('inspection.error.duplicateItem', { id: dupItem }, 'checklist');
  if (duplicateOf(plan.spaceIds)) throw new DomainError('inspection.error.duplicateSpace', {}, 'spaceIds');
  for (const id of plan.spaceIds) if (!(await tx.get('space', id))) throw new DomainError('error.notFound', { kind: 'space', id }, 'spaceIds');
  for (const id of plan.assetIds) if (!(await tx.get('asset', id))) throw new DomainError('error.notFound', { kind: 'asset', id }, 'assetIds');
  await checkAssignee(tx, plan.assigneeId);
}

/**
 * Rounds of a plan still to come that nobody has started: made again from the plan as it
 * is now by the next generate (the plan's schedule, places, checklist or assignee changed,
 * or it was archived). Rounds done, skipped or with anything recorded stay as they are.
 */
async function dropUntouchedRounds(tx: Tx, planId: string, at: string): Promise<void> {
  const today = taipeiDateOf(at);
  for (const round of await tx.find('inspectionRound', { planId, status: 'open' })) {
    if (round.dueOn < today) continue;
    if ((await tx.find('inspectionResult', { roundId: round.id })).length > 0) continue;
    await tx.remove('inspectionRound', round.id);
  }
}

const planMutations = referenceMutations('inspectionPlan', planFields.partial({ endOn: true, endAfter: true, onHoliday: true, graceDays: true, assetIds: true, assigneeId: true, note: true }), {
  roles: PLAN_ROLES,
  complete: (a) => ({ endOn: null, endAfter: null, onHoliday: 'next', graceDays: 0, assetIds: [], assigneeId: null, note: '', ...a }),
  async after(tx, id, args, at) {
    await checkPlan(tx, await mustGet(tx, 'inspectionPlan', id));
    // Only an update changes rounds already made (a new plan has none).
    if (ROUND_SHAPING.some((f) => args[f] !== undefined) && (await tx.find('inspectionRound', { planId: id })).length > 0) await dropUntouchedRounds(tx, id, at);
  },
}).map((m): typeof m => {
  if (m.name !== 'inspectionPlan.archive') return m;
  return {
    ...m,
    async apply(tx: Tx, args: { id: string }, ctx: MutationContext) {
      await m.apply(tx, args, ctx);
      await dropUntouchedRounds(tx, args.id, ctx.at);
    },
  };
});

async function mustGetRound(tx: Tx, id: string): Promise<InspectionRound> {
  const round = await tx.get('inspectionRound', id);
  if (!round) throw new DomainError('error.notFound', { kind: 'inspectionRound', id }, 'roundId');
  return round;
}

function mustBeOpen(round: InspectionRound): void {
  if (round.status !== 'open') throw new DomainError('inspection.error.notOpen');
}

const generateArgs = z
  .object({ from: businessDate, to: businessDate })
  .strict()
  .refine((a) => a.to >= a.from, { message: 'window', path: ['to'] })
  .refine((a) => addDays(a.from, MAX_WINDOW_DAYS) >= a.to, { message: 'window', path: ['to'] });

/** Makes the rounds due in a window that do not exist yet, each from its plan as it is now. */
async function generate(tx: Tx, from: BusinessDate, to: BusinessDate, at: string): Promise<number> {
  const plans = await tx.find('inspectionPlan', { archived: false });
  const calendar = calendarExceptionsOf(await tx.find('calendarDay', {}));
  const existing = new Set<string>();
  for (const plan of plans) for (const r of await tx.find('inspectionRound', { planId: plan.id })) existing.add(r.id);
  const due = missingRounds(plans, existing, from, to, (d) => isWorkingDay(d, calendar));
  const byId = new Map(plans.map((p) => [p.id, p]));
  for (const d of due) {
    const plan = byId.get(d.planId)!;
    await tx.insert('inspectionRound', {
      id: d.id,
      planId: plan.id,
      scheduledOn: d.scheduledOn,
      dueOn: d.dueOn,
      status: 'open',
      assigneeId: plan.assigneeId,
      spaceIds: plan.spaceIds,
      checklist: plan.checklist,
      completedAt: null,
      completedBy: null,
      note: '',
      createdAt: at,
      updatedAt: at,
    });
  }
  return due.length;
}

/** A photo already put in the attachment store (the same shape as a ticket's attachment). */
const attachmentArg = attachmentSchema;

const itemArgs = {
  roundId: roundIdArg,
  spaceId: recordId,
  itemId: z.string().trim().min(1).max(20),
};

/** The result of one item at one location: inserted, or changed when it was recorded before. */
export async function putResult(
  tx: Tx,
  round: InspectionRound,
  item: { spaceId: string; itemId: string; outcome: InspectionResult['outcome']; note?: string; photos?: Attachment[]; ticketId?: string | null },
  ctx: MutationContext,
): Promise<InspectionResult> {
  mustBeOpen(round);
  if (!round.spaceIds.includes(item.spaceId)) throw new DomainError('inspection.error.notInRound', {}, 'spaceId');
  if (!round.checklist.some((i) => i.id === item.itemId)) throw new DomainError('inspection.error.notInRound', {}, 'itemId');
  const id = resultId(round.id, item.spaceId, item.itemId);
  const current = await tx.get('inspectionResult', id);
  if (current?.ticketId && item.outcome === 'pass') throw new DomainError('inspection.error.hasTicket', {}, 'outcome');
  const values = {
    outcome: item.outcome,
    note: item.note ?? current?.note ?? '',
    photos: item.photos ?? current?.photos ?? [],
    ticketId: item.ticketId ?? current?.ticketId ?? null,
    recordedAt: ctx.at,
    recordedBy: ctx.userId,
  };
  if (!current) {
    const row: InspectionResult = { id, roundId: round.id, spaceId: item.spaceId, itemId: item.itemId, ...values, createdAt: ctx.at, updatedAt: ctx.at };
    await tx.insert('inspectionResult', row);
    return row;
  }
  const patch: Partial<InspectionResult> = {};
  for (const [k, v] of Object.entries(values) as [keyof typeof values, unknown][]) {
    if (k === 'recordedAt' || k === 'recordedBy') continue;
    if (JSON.stringify(current[k]) !== JSON.stringify(v)) (patch as Record<string, unknown>)[k] = v;
  }
  if (Object.keys(patch).length > 0) await tx.update('inspectionResult', id, { ...patch, recordedAt: ctx.at, recordedBy: ctx.userId, updatedAt: ctx.at });
  return { ...current, ...patch };
}

export const inspectionMutationDefs = [
  ...planMutations,

  defineMutation({
    name: 'inspectionRound.generate',
    args: generateArgs,
    roles: ROUND_ROLES,
    async apply(tx, { from, to }, ctx) {
      await generate(tx, from, to, ctx.at);
    },
  }),

  defineMutation({
    name: 'inspectionItem.record',
    args: z
      .object({
        ...itemArgs,
        outcome: z.enum(OUTCOMES),
        note: text(500).optional(),
        photos: z.array(attachmentArg).max(10).optional(),
      })
      .strict(),
    roles: ROUND_ROLES,
    async apply(tx, args, ctx) {
      await putResult(tx, await mustGetRound(tx, args.roundId), args, ctx);
    },
  }),

  defineMutation({
    name: 'inspectionItem.openTicket',
    args: z
      .object({
        ...itemArgs,
        /** What was found, kept with the item (and the ticket's description unless one is given). */
        note: text(500).optional(),
        photos: z.array(attachmentArg).max(10).optional(),
        ticketId: recordId,
        /** Filled in by the workstation from its leased block (維-111-00042). */
        number: printedNumber.optional(),
        subject: requiredText(100),
        description: text(2000).optional(),
        category: z.enum(TICKET_CATEGORIES),
        priority: z.enum(TICKET_PRIORITIES).optional(),
        assetId: recordId.nullable().optional(),
        /** When the fault was found, if earlier than now (a round entered from paper). */
        reportedAt: instant.optional(),
      })
      .strict(),
    roles: TICKET_WORK_ROLES,
    numbered: { kind: 'ticket', field: 'number' },
    async apply(tx, args, ctx) {
      const round = await mustGetRound(tx, args.roundId);
      mustBeOpen(round);
      const current = await tx.get('inspectionResult', resultId(round.id, args.spaceId, args.itemId));
      if (current?.ticketId) throw new DomainError('inspection.error.ticketExists', {}, 'itemId');
      // The ticket is made by the ticket mutation itself, with its checks and its first status.
      await openWorkItem(
        tx,
        {
          id: args.ticketId,
          number: args.number,
          spaceId: args.spaceId,
          category: args.category,
          priority: args.priority ?? 'normal',
          subject: args.subject,
          description: args.description ?? args.note ?? '',
          source: 'inspection',
          reportedAt: args.reportedAt,
          attachments: args.photos ?? current?.photos ?? [],
          assetId: args.assetId ?? null,
          roundId: round.id,
        },
        ctx,
      );
      await putResult(tx, round, { spaceId: args.spaceId, itemId: args.itemId, outcome: 'fail', note: args.note, photos: args.photos, ticketId: args.ticketId }, ctx);
    },
  }),

  defineMutation({
    name: 'inspectionRound.passRemaining',
    args: z.object({ id: roundIdArg, spaceId: recordId.optional() }).strict(),
    roles: ROUND_ROLES,
    async apply(tx, { id, spaceId }, ctx) {
      const round = await mustGetRound(tx, id);
      mustBeOpen(round);
      if (spaceId && !round.spaceIds.includes(spaceId)) throw new DomainError('inspection.error.notInRound', {}, 'spaceId');
      const done = new Set((await tx.find('inspectionResult', { roundId: id })).map((r) => r.id));
      for (const s of spaceId ? [spaceId] : round.spaceIds) {
        for (const item of round.checklist) if (!done.has(resultId(id, s, item.id))) await putResult(tx, round, { spaceId: s, itemId: item.id, outcome: 'pass' }, ctx);
      }
    },
  }),

  defineMutation({
    name: 'inspectionRound.complete',
    args: z
      .object({
        id: roundIdArg,
        /** When the round was actually done, for rounds entered from paper afterwards. */
        completedAt: z.iso.datetime({ offset: true }).optional(),
        note: text(500).optional(),
      })
      .strict(),
    roles: ROUND_ROLES,
    async apply(tx, { id, completedAt, note }, ctx) {
      const round = await mustGetRound(tx, id);
      mustBeOpen(round);
      const progress = roundProgress(round, await tx.find('inspectionResult', { roundId: id }));
      if (progress.recorded < progress.total) throw new DomainError('inspection.error.unrecorded', { count: progress.total - progress.recorded });
      const when = completedAt ? new Date(completedAt).toISOString() : ctx.at;
      if (when > ctx.at) throw new DomainError('inspection.error.completedInFuture', {}, 'completedAt');
      await tx.update('inspectionRound', id, { status: 'done', completedAt: when, completedBy: ctx.userId, ...(note !== undefined ? { note } : {}), updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'inspectionRound.skip',
    args: z.object({ id: roundIdArg, reason: requiredText(500) }).strict(),
    roles: REOPEN_ROLES,
    async apply(tx, { id, reason }, ctx) {
      mustBeOpen(await mustGetRound(tx, id));
      await tx.update('inspectionRound', id, { status: 'skipped', note: reason, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'inspectionRound.reopen',
    args: z.object({ id: roundIdArg }).strict(),
    roles: REOPEN_ROLES,
    async apply(tx, { id }, ctx) {
      const round = await mustGetRound(tx, id);
      if (round.status === 'open') return;
      await tx.update('inspectionRound', id, { status: 'open', completedAt: null, completedBy: null, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'inspectionRound.assign',
    args: z.object({ id: roundIdArg, assigneeId: recordId.nullable() }).strict(),
    roles: REOPEN_ROLES,
    async apply(tx, { id, assigneeId }, ctx) {
      const round = await mustGetRound(tx, id);
      mustBeOpen(round);
      await checkAssignee(tx, assigneeId);
      if (round.assigneeId !== assigneeId) await tx.update('inspectionRound', id, { assigneeId, updatedAt: ctx.at });
    },
  }),
];

export { generate as generateRounds };
