/**
 * Mutations of repair tickets: file, edit, assign, move along the life cycle, comment,
 * record labour/parts/costs, and set the SLA table. Deterministic given (args, ctx, state):
 * ids come in the args, time from ctx.at, and the server re-runs them unchanged.
 */
import { z } from 'zod';
import { attachmentSchema } from '../attachments';
import { instant } from '../instants';
import { DomainError } from '../errors';
import { whereSpaceHangs } from '../places-move';
import { defineMutation, type MutationContext } from '../mutations/define';
import { mustGet, printedNumber, recordId, requiredText, text } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import { addWorkingHours, slaHours } from './sla';
import { calendarExceptionsOf } from '../working-days';
import { workItemEnded } from '../work-items/ended';
import {
  COST_TYPES,
  firstChangeId,
  MAX_ATTACHMENTS,
  SLA_ROLES,
  TICKET_CATEGORIES,
  TICKET_DESK_ROLES,
  TICKET_PRIORITIES,
  TICKET_SOURCES,
  TICKET_STATUSES,
  TICKET_WORK_ROLES,
  canTransition,
  mayMoveTo,
  slaRuleId,
  type Ticket,
  type TicketCategory,
  type TicketPriority,
  type TicketStatus,
} from './tickets';

/** What a clerk types or picks; everything else on a ticket follows from it. */
const ticketFields = {
  spaceId: recordId,
  category: z.enum(TICKET_CATEGORIES),
  priority: z.enum(TICKET_PRIORITIES),
  subject: requiredText(100),
  description: text(2000),
  reporterName: text(50),
  reporterAgencyId: recordId.nullable(),
  reporterPhoneExt: text(20),
  source: z.enum(TICKET_SOURCES),
  reportedAt: instant,
  attachments: z.array(attachmentSchema).max(MAX_ATTACHMENTS),
  relatedTicketId: recordId.nullable(),
  assetId: recordId.nullable(),
  roundId: recordId.nullable(),
  projectId: recordId.nullable(),
};

const createArgs = z
  .object({
    id: recordId,
    number: printedNumber.optional(),
    ...ticketFields,
    description: ticketFields.description.default(''),
    reporterName: ticketFields.reporterName.default(''),
    reporterAgencyId: ticketFields.reporterAgencyId.default(null),
    reporterPhoneExt: ticketFields.reporterPhoneExt.default(''),
    priority: ticketFields.priority.default('normal'),
    source: ticketFields.source.default('phone'),
    reportedAt: ticketFields.reportedAt.optional(),
    attachments: ticketFields.attachments.default([]),
    relatedTicketId: ticketFields.relatedTicketId.default(null),
    assetId: ticketFields.assetId.default(null),
    roundId: ticketFields.roundId.default(null),
    projectId: ticketFields.projectId.default(null),
  })
  .strict();

const updateArgs = z
  .object({ id: recordId })
  .extend(Object.fromEntries(Object.entries(ticketFields).map(([k, v]) => [k, v.optional()])) as { [K in keyof typeof ticketFields]: z.ZodOptional<(typeof ticketFields)[K]> })
  .strict();

/** A clock a few minutes fast on another workstation is no reason to refuse a write. */
const CLOCK_SLACK_MS = 10 * 60_000;

function notInFuture(at: string, ctx: MutationContext, field: string): void {
  if (Date.parse(at) > Date.parse(ctx.at) + CLOCK_SLACK_MS) throw new DomainError('maint.error.future', { field }, field);
}

/** Where a space hangs in the tree: its site and building, which the ticket keeps. */
async function placeOf(tx: Tx, spaceId: string): Promise<{ siteId: string; buildingId: string }> {
  const space = await tx.get('space', spaceId);
  if (!space) throw new DomainError('error.notFound', { kind: 'space', id: spaceId }, 'spaceId');
  if (space.archived) throw new DomainError('error.archivedParent', { kind: 'space', name: space.nameZh }, 'spaceId');
  const place = await whereSpaceHangs(tx, spaceId);
  if (!place) throw new DomainError('error.notFound', { kind: 'floor', id: space.floorId }, 'spaceId');
  return place;
}

async function dueAtFor(tx: Tx, reportedAt: string, category: TicketCategory, priority: TicketPriority): Promise<string> {
  const rule = await tx.get('slaRule', slaRuleId(category, priority));
  const days = await tx.find('calendarDay', {});
  return addWorkingHours(reportedAt, slaHours(rule ? [rule] : [], category, priority), calendarExceptionsOf(days));
}

async function checkRefs(tx: Tx, args: { reporterAgencyId?: string | null; relatedTicketId?: string | null; assetId?: string | null }, selfId: string): Promise<void> {
  if (args.reporterAgencyId && !(await tx.get('agency', args.reporterAgencyId))) throw new DomainError('error.notFound', { kind: 'agency', id: args.reporterAgencyId }, 'reporterAgencyId');
  if (args.assetId) {
    // Only when the ticket is given the asset: an asset archived since stays on its old tickets.
    const asset = await tx.get('asset', args.assetId);
    if (!asset) throw new DomainError('error.notFound', { kind: 'asset', id: args.assetId }, 'assetId');
    if (asset.archived) throw new DomainError('error.archivedParent', { kind: 'asset', name: asset.name }, 'assetId');
  }
  if (args.relatedTicketId) {
    if (args.relatedTicketId === selfId || !(await tx.get('ticket', args.relatedTicketId))) throw new DomainError('error.notFound', { kind: 'ticket', id: args.relatedTicketId }, 'relatedTicketId');
  }
}

/** Technicians and contractors take tickets; other people don't. */
async function checkAssignee(tx: Tx, personId: string): Promise<void> {
  const person = await tx.get('person', personId);
  if (!person) throw new DomainError('error.notFound', { kind: 'person', id: personId }, 'assigneeId');
  if (person.archived || (person.kind !== 'technician' && person.kind !== 'contractor')) throw new DomainError('maint.error.notAssignable', { name: person.name }, 'assigneeId');
}

/** Whether the signed-in user is the person the ticket is assigned to. */
async function isAssignee(tx: Tx, ticket: Ticket, ctx: MutationContext): Promise<boolean> {
  if (!ticket.assigneeId) return false;
  const user = await tx.get('user', ctx.userId);
  return !!user && user.personId === ticket.assigneeId;
}

const FINAL: readonly TicketStatus[] = ['closed', 'cancelled'];
const NO_MORE_WORK: readonly TicketStatus[] = ['closed', 'cancelled', 'returned'];

const statusParam = (s: TicketStatus) => `msg:ticketStatus.${s}`;

/** Technicians work only on their own tickets; the desk on all of them. */
async function checkWorker(tx: Tx, ticket: Ticket, ctx: MutationContext): Promise<void> {
  if (ctx.roles.some((r) => TICKET_DESK_ROLES.includes(r))) return;
  if (!(await isAssignee(tx, ticket, ctx))) throw new DomainError('maint.error.notYours', { number: ticket.number });
}

export const ticketMutationDefs = [
  defineMutation({
    name: 'ticket.create',
    args: createArgs,
    roles: TICKET_WORK_ROLES,
    numbered: { kind: 'ticket', field: 'number' },
    async apply(tx, args, ctx) {
      if (!args.number) throw new DomainError('error.required', { field: 'number' }, 'number');
      if (await tx.get('ticket', args.id)) throw new DomainError('error.alreadyExists', { id: args.id }, 'id');
      if ((await tx.find('ticket', { number: args.number })).length > 0) throw new DomainError('error.duplicate', { field: 'number', value: args.number }, 'number');
      const reportedAt = args.reportedAt ?? ctx.at;
      notInFuture(reportedAt, ctx, 'reportedAt');
      const place = await placeOf(tx, args.spaceId);
      await checkRefs(tx, args, args.id);
      const ticket: Ticket = {
        ...args,
        number: args.number,
        ...place,
        status: 'reported',
        reportedAt,
        dueAt: await dueAtFor(tx, reportedAt, args.category, args.priority),
        assigneeId: null,
        completedAt: null,
        closedAt: null,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      };
      await tx.insert('ticket', ticket);
      await tx.insert('ticketStatusChange', {
        id: firstChangeId(args.id),
        ticketId: args.id,
        fromStatus: null,
        toStatus: 'reported',
        at: reportedAt,
        userId: ctx.userId,
        note: '',
        createdAt: ctx.at,
        updatedAt: ctx.at,
      });
    },
  }),

  defineMutation({
    name: 'ticket.update',
    args: updateArgs,
    roles: TICKET_DESK_ROLES,
    async apply(tx, { id, ...fields }, ctx) {
      const current = await mustGet(tx, 'ticket', id);
      if (FINAL.includes(current.status)) throw new DomainError('maint.error.final', { number: current.number, status: statusParam(current.status) });
      const patch: Partial<Ticket> = {};
      for (const [k, v] of Object.entries(fields)) {
        if (v !== undefined && JSON.stringify((current as unknown as Record<string, unknown>)[k]) !== JSON.stringify(v)) (patch as Record<string, unknown>)[k] = v;
      }
      if (Object.keys(patch).length === 0) return;
      if (patch.reportedAt) notInFuture(patch.reportedAt, ctx, 'reportedAt');
      if (patch.spaceId) Object.assign(patch, await placeOf(tx, patch.spaceId));
      await checkRefs(tx, patch, id);
      if (patch.category || patch.priority || patch.reportedAt) {
        patch.dueAt = await dueAtFor(tx, patch.reportedAt ?? current.reportedAt, patch.category ?? current.category, patch.priority ?? current.priority);
      }
      await tx.update('ticket', id, { ...patch, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'ticket.transition',
    args: z
      .object({
        id: recordId,
        changeId: recordId,
        status: z.enum(TICKET_STATUSES),
        note: text(500).default(''),
        /** Needed to assign (派工) a ticket that has nobody yet. */
        assigneeId: recordId.optional(),
        /** When it happened, if earlier than now (work done on site, recorded later). */
        at: instant.optional(),
      })
      .strict(),
    roles: TICKET_WORK_ROLES,
    async apply(tx, args, ctx) {
      const ticket = await mustGet(tx, 'ticket', args.id);
      if (!canTransition(ticket.status, args.status)) {
        throw new DomainError('maint.error.transition', { number: ticket.number, from: statusParam(ticket.status), to: statusParam(args.status) }, 'status');
      }
      if (!mayMoveTo(ctx.roles, args.status, await isAssignee(tx, ticket, ctx))) throw new DomainError('maint.error.notYours', { number: ticket.number });
      if (await tx.get('ticketStatusChange', args.changeId)) throw new DomainError('error.alreadyExists', { id: args.changeId }, 'changeId');
      const at = args.at ?? ctx.at;
      notInFuture(at, ctx, 'at');
      const history = await tx.find('ticketStatusChange', { ticketId: ticket.id });
      const last = history.reduce((max, c) => (c.at > max ? c.at : max), '');
      if (at < last) throw new DomainError('maint.error.beforeLast', {}, 'at');

      const patch: Partial<Ticket> = { status: args.status, updatedAt: ctx.at };
      if (args.status === 'assigned') {
        const assigneeId = args.assigneeId ?? ticket.assigneeId;
        if (!assigneeId) throw new DomainError('error.required', { field: 'assigneeId' }, 'assigneeId');
        await checkAssignee(tx, assigneeId);
        patch.assigneeId = assigneeId;
      }
      if (args.status === 'completed') patch.completedAt = at;
      if (ticket.status === 'completed' && args.status === 'in_progress') patch.completedAt = null;
      if (args.status === 'closed') patch.closedAt = at;
      await tx.update('ticket', ticket.id, patch);
      // Whoever opened it as a work item (a vehicle's service) hears that it ended.
      if (args.status === 'closed' || args.status === 'cancelled') await workItemEnded(tx, ticket.id, args.status, at, ctx.at);
      await tx.insert('ticketStatusChange', {
        id: args.changeId,
        ticketId: ticket.id,
        fromStatus: ticket.status,
        toStatus: args.status,
        at,
        userId: ctx.userId,
        note: args.note,
        createdAt: ctx.at,
        updatedAt: ctx.at,
      });
    },
  }),

  defineMutation({
    name: 'ticket.assign',
    args: z.object({ id: recordId, assigneeId: recordId }).strict(),
    roles: TICKET_DESK_ROLES,
    async apply(tx, { id, assigneeId }, ctx) {
      const ticket = await mustGet(tx, 'ticket', id);
      if (!['assigned', 'in_progress', 'waiting_parts'].includes(ticket.status)) {
        throw new DomainError('maint.error.notAssigned', { number: ticket.number, status: statusParam(ticket.status) }, 'assigneeId');
      }
      if (ticket.assigneeId === assigneeId) return;
      await checkAssignee(tx, assigneeId);
      await tx.update('ticket', id, { assigneeId, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'ticketComment.add',
    args: z.object({ id: recordId, ticketId: recordId, body: requiredText(2000) }).strict(),
    roles: TICKET_WORK_ROLES,
    async apply(tx, args, ctx) {
      await mustGet(tx, 'ticket', args.ticketId);
      if (await tx.get('ticketComment', args.id)) throw new DomainError('error.alreadyExists', { id: args.id }, 'id');
      await tx.insert('ticketComment', { ...args, userId: ctx.userId, at: ctx.at, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'ticketComment.remove',
    args: z.object({ id: recordId }).strict(),
    roles: TICKET_WORK_ROLES,
    async apply(tx, { id }, ctx) {
      const comment = await mustGet(tx, 'ticketComment', id);
      const desk = ctx.roles.some((r) => TICKET_DESK_ROLES.includes(r));
      if (comment.userId !== ctx.userId && !desk) throw new DomainError('maint.error.notYourComment', {});
      await tx.remove('ticketComment', id);
    },
  }),

  defineMutation({
    name: 'ticketCost.add',
    args: z
      .object({
        id: recordId,
        ticketId: recordId,
        type: z.enum(COST_TYPES),
        description: requiredText(200),
        quantity: z.number().positive().max(100_000),
        unit: text(10).default(''),
        unitPrice: z.number().min(0).max(10_000_000).default(0),
        personId: recordId.nullable().default(null),
      })
      .strict(),
    roles: TICKET_WORK_ROLES,
    async apply(tx, args, ctx) {
      const ticket = await mustGet(tx, 'ticket', args.ticketId);
      if (NO_MORE_WORK.includes(ticket.status)) throw new DomainError('maint.error.final', { number: ticket.number, status: statusParam(ticket.status) });
      await checkWorker(tx, ticket, ctx);
      if (args.personId && !(await tx.get('person', args.personId))) throw new DomainError('error.notFound', { kind: 'person', id: args.personId }, 'personId');
      if (await tx.get('ticketCost', args.id)) throw new DomainError('error.alreadyExists', { id: args.id }, 'id');
      await tx.insert('ticketCost', { ...args, createdAt: ctx.at, updatedAt: ctx.at });
    },
  }),

  defineMutation({
    name: 'ticketCost.remove',
    args: z.object({ id: recordId }).strict(),
    roles: TICKET_WORK_ROLES,
    async apply(tx, { id }, ctx) {
      const line = await mustGet(tx, 'ticketCost', id);
      const ticket = await mustGet(tx, 'ticket', line.ticketId);
      if (NO_MORE_WORK.includes(ticket.status)) throw new DomainError('maint.error.final', { number: ticket.number, status: statusParam(ticket.status) });
      await checkWorker(tx, ticket, ctx);
      await tx.remove('ticketCost', id);
    },
  }),

  defineMutation({
    name: 'slaRule.set',
    args: z
      .object({
        category: z.enum(TICKET_CATEGORIES),
        priority: z.enum(TICKET_PRIORITIES),
        // Half hours are the finest step a desk plans with.
        hours: z
          .number()
          .min(0.5)
          .max(999)
          .refine((h) => Number.isInteger(h * 2), { message: 'halfHours' }),
      })
      .strict(),
    roles: SLA_ROLES,
    async apply(tx, { category, priority, hours }, ctx) {
      const id = slaRuleId(category, priority);
      const current = await tx.get('slaRule', id);
      if (!current) await tx.insert('slaRule', { id, category, priority, hours, createdAt: ctx.at, updatedAt: ctx.at });
      else if (current.hours !== hours) await tx.update('slaRule', id, { hours, updatedAt: ctx.at });
    },
  }),
];
