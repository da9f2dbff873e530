/**
 * What the signed-in user may change here, read from the mutations' own role lists so the
 * screens offer exactly what the backend would accept (it checks again anyway).
 */
import { apiCalls, type ApiName } from '../../domain/api';
import { mayCall } from '../../domain/call';
import type { Role } from '../../domain/roles';
import { holdsAny } from '../../domain/roles';
import { mutations } from '../../domain/mutations';
import { importKind } from '../../domain/imports';
import { useShell } from './store';

const NONE: readonly Role[] = [];

export function mayRun(mutation: string, roles: readonly Role[]): boolean {
  const def = mutations.get(mutation);
  return !!def && holdsAny(roles, def.roles);
}

/** `useMayRun('site.create')` → whether to offer that change. */
export function useMayRun(mutation: string): boolean {
  const roles = useShell((s) => s.session?.user?.roles ?? NONE);
  return mayRun(mutation, roles);
}

/** `useMayCall('parking.renewalList')` → whether to offer a screen that reads with that call (its access, as the backend checks it). */
export function useMayCall(call: ApiName): boolean {
  const session = useShell((s) => s.session);
  return mayCall(apiCalls[call].access, { signedIn: !!session?.user && !session.locked, roles: session?.user?.roles ?? NONE });
}

/** `useMayImport('permit')` → whether to offer that import (its kind's roles, as the backend checks them). */
export function useMayImport(what: string): boolean {
  const roles = useShell((s) => s.session?.user?.roles ?? NONE);
  return holdsAny(roles, importKind(what).roles);
}
