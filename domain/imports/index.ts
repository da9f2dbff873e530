/**
 * Every spreadsheet import: the shared reference data's (an administrator's) and each
 * desk's, combined through domain/desks.ts. The import calls' `what`, their role check,
 * the template, the preview and the commit all read this list.
 */
import type { Access } from '../call';
import { deskImports } from '../desks';
import type { Role } from '../roles';
import type { ImportKind } from './define';
import { referenceImports } from './reference';

export const IMPORT_KINDS: readonly ImportKind[] = [...referenceImports, ...deskImports];

/** What can be imported: agency, person, space, permit, vehicle, driver… */
export const IMPORT_WHATS = IMPORT_KINDS.map((k) => k.what) as [string, ...string[]];

export function importKind(what: string): ImportKind {
  const kind = IMPORT_KINDS.find((k) => k.what === what);
  if (!kind) throw new RangeError(`nothing imports as ${what}`);
  return kind;
}

/** Whoever may import something (the import calls' access); each kind then checks its own roles. */
export const IMPORT_ROLES: readonly Role[] = [...new Set(IMPORT_KINDS.flatMap((k) => k.roles))];

/** The access of an import call for what it imports. */
export const importAccess = (args: { what: string }): Access => importKind(args.what).roles;

export type { ImportColumn, ImportKind } from './define';
