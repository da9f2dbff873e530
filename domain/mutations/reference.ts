/**
 * Mutations of the reference data every desk shares: places, agencies, people, users.
 * Each kind gets create / update / archive / restore / delete; delete is refused once
 * anything refers to the record (archive it instead).
 */
import { z } from 'zod';
import { PERSON_KINDS, REFERENCES, SPACE_KINDS, type Entities, type Kind } from '../entities';
import { DomainError } from '../errors';
import { floorLevelFromName } from '../places';
import { followPlaceMove } from '../places-move';
import { ROLES, type Role } from '../roles';
import { defineMutation, type MutationDef } from './define';
import type { Tx } from './tx';

export const text = (max = 100) => z.string().trim().max(max);
export const requiredText = (max = 100) => z.string().trim().min(1).max(max);
export const recordId = z.string().trim().min(1).max(64);

/** A printed number as the app gives them out (維-115-00042, 證-115-暫0003). */
export const printedNumber = z
  .string()
  .trim()
  .regex(/^.-\d{2,3}-(暫)?\d{1,7}$/)
  .max(20);

const ADMIN: readonly Role[] = ['admin'];

type ArchivableKind = { [K in Kind]: Entities[K] extends { archived: boolean } ? K : never }[Kind];

interface ReferenceOptions<K extends ArchivableKind> {
  /** The parent this record hangs under, which must exist and not be archived. */
  parent?: { kind: ArchivableKind; field: keyof Entities[K] & string };
  /** Fields whose value must be unique among this kind. */
  unique?: ReadonlyArray<keyof Entities[K] & string>;
  /** Fills derived fields on create (e.g. a floor's level from its name). */
  complete?: (args: Record<string, unknown>) => Record<string, unknown>;
  /** Work after an update gave the record another parent (e.g. a room moved to another floor). */
  moved?: (tx: Tx, id: string, at: string) => Promise<void>;
  /** Extra work after create or update (e.g. an agency's office list). */
  after?: (tx: Tx, id: string, args: Record<string, unknown>, at: string) => Promise<void>;
  /** Args that are not columns of the record. */
  extraArgs?: z.ZodRawShape;
  roles?: readonly Role[];
}

export async function mustGet<K extends Kind>(tx: Tx, kind: K, id: string): Promise<Entities[K]> {
  const row = await tx.get(kind, id);
  if (!row) throw new DomainError('error.notFound', { kind, id });
  return row;
}

function displayName(row: object): string {
  const r = row as Record<string, unknown>;
  return String(r.nameZh ?? r.name ?? r.displayName ?? r.username ?? r.id);
}

async function checkParent(tx: Tx, kind: ArchivableKind, id: string, field: string) {
  const parent = await tx.get(kind, id);
  if (!parent) throw new DomainError('error.notFound', { kind, id }, field);
  if (parent.archived) throw new DomainError('error.archivedParent', { kind, name: displayName(parent) }, field);
}

async function checkUnique(tx: Tx, kind: Kind, field: string, value: unknown, selfId: string) {
  if (value === '' || value === null || value === undefined) return;
  const clash = await tx.find(kind, { [field]: value } as never);
  if (clash.some((r) => r.id !== selfId)) throw new DomainError('error.duplicate', { field, value: String(value) }, field);
}

/** Fields present in `next` whose value differs from `current`. */
export function changedFields<T extends object>(current: T, next: Partial<T>): Partial<T> {
  const patch: Partial<T> = {};
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined) continue;
    const before = (current as Record<string, unknown>)[k];
    if (JSON.stringify(before) !== JSON.stringify(v)) (patch as Record<string, unknown>)[k] = v;
  }
  return patch;
}

/** The arguments of a reference-data mutation as the type system sees them: some fields (the schema checks which). */
type ReferenceArgs = z.ZodType<Record<string, unknown>>;
type ReferenceMutation<K extends string> = MutationDef<ReferenceArgs, `${K}.${'create' | 'update' | 'archive' | 'restore' | 'delete'}`>;

export function referenceMutations<K extends ArchivableKind>(kind: K, fields: z.ZodObject<z.ZodRawShape>, opts: ReferenceOptions<K> = {}): ReferenceMutation<K>[] {
  const roles = opts.roles ?? ADMIN;
  const extraKeys = Object.keys(opts.extraArgs ?? {});
  const columnsOf = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([k]) => !extraKeys.includes(k)));
  const createArgs = fields.extend({ id: recordId, ...opts.extraArgs }).strict();
  const updateArgs = fields
    .partial()
    .extend({ id: recordId, ...Object.fromEntries(Object.entries(opts.extraArgs ?? {}).map(([k, v]) => [k, (v as z.ZodType).optional()])) })
    .strict();
  const idOnly = z.object({ id: recordId }).strict();

  const validate = async (tx: Tx, id: string, args: Record<string, unknown>) => {
    if (opts.parent && args[opts.parent.field] !== undefined && args[opts.parent.field] !== null) await checkParent(tx, opts.parent.kind, String(args[opts.parent.field]), opts.parent.field);
    for (const field of opts.unique ?? []) if (args[field] !== undefined) await checkUnique(tx, kind, field, args[field], id);
  };

  return [
    defineMutation({
      name: `${kind}.create`,
      args: createArgs,
      roles,
      async apply(tx, raw, ctx) {
        const args = (opts.complete ? opts.complete(raw) : raw) as Record<string, unknown> & { id: string };
        if (await tx.get(kind, args.id)) throw new DomainError('error.alreadyExists', { id: args.id }, 'id');
        await validate(tx, args.id, args);
        await tx.insert(kind, { ...columnsOf(args), archived: false, createdAt: ctx.at, updatedAt: ctx.at } as unknown as Entities[K]);
        await opts.after?.(tx, args.id, args, ctx.at);
      },
    }),
    defineMutation({
      name: `${kind}.update`,
      args: updateArgs,
      roles,
      async apply(tx, raw, ctx) {
        const { id, ...rest } = raw as Record<string, unknown> & { id: string };
        const current = await mustGet(tx, kind, id);
        const patch = changedFields(current, columnsOf(rest) as Partial<Entities[K]>);
        await validate(tx, id, patch as Record<string, unknown>);
        if (Object.keys(patch).length > 0) await tx.update(kind, id, { ...patch, updatedAt: ctx.at } as Partial<Entities[K]>);
        if (opts.parent && opts.parent.field in patch) await opts.moved?.(tx, id, ctx.at);
        await opts.after?.(tx, id, rest, ctx.at);
      },
    }),
    defineMutation({
      name: `${kind}.archive`,
      args: idOnly,
      roles,
      async apply(tx, { id }, ctx) {
        const current = await mustGet(tx, kind, id);
        if (!current.archived) await tx.update(kind, id, { archived: true, updatedAt: ctx.at } as Partial<Entities[K]>);
      },
    }),
    defineMutation({
      name: `${kind}.restore`,
      args: idOnly,
      roles,
      async apply(tx, { id }, ctx) {
        const current = await mustGet(tx, kind, id);
        if (current.archived) await tx.update(kind, id, { archived: false, updatedAt: ctx.at } as Partial<Entities[K]>);
      },
    }),
    defineMutation({
      name: `${kind}.delete`,
      args: idOnly,
      roles,
      async apply(tx, { id }) {
        const current = await mustGet(tx, kind, id);
        for (const [refKind, field] of REFERENCES[kind] ?? []) {
          const refs = await tx.find(refKind, { [field]: id } as never);
          if (refs.length > 0) throw new DomainError('error.inUse', { name: displayName(current) });
        }
        await tx.remove(kind, id);
      },
    }),
  ];
}

const siteFields = z.object({
  code: requiredText(20),
  nameZh: requiredText(),
  nameEn: text(),
  address: text(200),
});

const buildingFields = z.object({
  siteId: recordId,
  code: requiredText(20),
  nameZh: requiredText(),
  nameEn: text(),
});

const floorFields = z.object({
  buildingId: recordId,
  name: requiredText(20),
  level: z.number().int().min(-20).max(200),
});

const spaceFields = z.object({
  floorId: recordId,
  code: text(30),
  nameZh: requiredText(),
  nameEn: text(),
  kind: z.enum(SPACE_KINDS),
  capacity: z.number().int().min(0).max(100000).nullable(),
});

const agencyFields = z.object({
  code: requiredText(20),
  nameZh: requiredText(),
  nameEn: text(),
  shortName: text(30),
  phone: text(30),
});

const personFields = z.object({
  name: requiredText(50),
  kind: z.enum(PERSON_KINDS),
  agencyId: recordId.nullable(),
  company: text(),
  title: text(50),
  phoneExt: text(10),
  phone: text(30),
  email: z.union([z.literal(''), z.email().max(100)]),
});

const userFields = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[A-Za-z0-9._-]+$/),
  displayName: requiredText(50),
  personId: recordId.nullable(),
  roles: z.array(z.enum(ROLES)).min(1).max(ROLES.length),
});

/** An agency's office list is kept as link records with ids derived from both ends. */
async function setAgencyOffices(tx: Tx, agencyId: string, args: Record<string, unknown>, at: string) {
  const wanted = args.officeSpaceIds as string[] | undefined;
  if (!wanted) return;
  const current = await tx.find('agencyOffice', { agencyId });
  for (const link of current) if (!wanted.includes(link.spaceId)) await tx.remove('agencyOffice', link.id);
  for (const spaceId of wanted) {
    if (current.some((l) => l.spaceId === spaceId)) continue;
    await checkParent(tx, 'space', spaceId, 'officeSpaceIds');
    await tx.insert('agencyOffice', { id: `${agencyId}:${spaceId}`, agencyId, spaceId, createdAt: at, updatedAt: at });
  }
}

/** The last administrator who can sign in may not lose the role or be archived. */
async function keepOneAdmin(tx: Tx, id: string, args: Record<string, unknown>) {
  const losing = args.archived === true || (Array.isArray(args.roles) && !args.roles.includes('admin'));
  if (!losing) return;
  const admins = (await tx.find('user', { archived: false })).filter((u) => u.roles.includes('admin'));
  if (admins.length === 1 && admins[0].id === id) throw new DomainError('error.lastAdmin', {}, 'roles');
}

const userMutations = referenceMutations('user', userFields.partial({ personId: true }), {
  unique: ['username'],
  parent: { kind: 'person', field: 'personId' },
  complete: (a) => ({ personId: null, ...a }),
}).map((m) => {
  if (m.name === 'user.update') {
    return {
      ...m,
      apply: async (tx: Tx, args: Record<string, unknown>, ctx: Parameters<typeof m.apply>[2]) => {
        await keepOneAdmin(tx, String(args.id), args);
        await m.apply(tx, args, ctx);
      },
    };
  }
  if (m.name === 'user.archive') {
    return {
      ...m,
      apply: async (tx: Tx, args: { id: string }, ctx: Parameters<typeof m.apply>[2]) => {
        await keepOneAdmin(tx, args.id, { archived: true });
        await m.apply(tx, args, ctx);
      },
    };
  }
  return m;
});

export const referenceMutationDefs = [
  ...referenceMutations('site', siteFields, { unique: ['code'] }),
  ...referenceMutations('building', buildingFields, {
    parent: { kind: 'site', field: 'siteId' },
    moved: (tx, id, at) => followPlaceMove(tx, 'building', id, at),
  }),
  ...referenceMutations('floor', floorFields.partial({ level: true }), {
    parent: { kind: 'building', field: 'buildingId' },
    moved: (tx, id, at) => followPlaceMove(tx, 'floor', id, at),
    complete: (a) => ({ ...a, level: a.level ?? floorLevelFromName(String(a.name)) }),
  }),
  ...referenceMutations('space', spaceFields.partial({ capacity: true, code: true, nameEn: true }), {
    parent: { kind: 'floor', field: 'floorId' },
    moved: (tx, id, at) => followPlaceMove(tx, 'space', id, at),
    complete: (a) => ({ code: '', nameEn: '', capacity: null, ...a }),
  }),
  ...referenceMutations('agency', agencyFields.partial({ nameEn: true, shortName: true, phone: true }), {
    unique: ['code'],
    complete: (a) => ({ nameEn: '', shortName: '', phone: '', ...a }),
    extraArgs: { officeSpaceIds: z.array(recordId).max(50).optional() },
    after: setAgencyOffices,
  }),
  ...referenceMutations('person', personFields.partial({ agencyId: true, company: true, title: true, phoneExt: true, phone: true, email: true }), {
    parent: { kind: 'agency', field: 'agencyId' as never },
    complete: (a) => ({ agencyId: null, company: '', title: '', phoneExt: '', phone: '', email: '', ...a }),
  }),
  ...userMutations,
];
