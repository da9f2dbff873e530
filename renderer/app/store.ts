/**
 * The shell's state: one slice per concern (workstation info, session, sync status,
 * navigation, record changes), combined at the root. Actions call the backend through
 * `api`; pushed events ('status', 'session', 'changed') keep the slices live. Desks
 * keep their own slices in their folders and react to `versions` (see hooks.ts).
 */
import { create, type StateCreator } from 'zustand';
import type { AppInfo, Outcome, SessionState, StatusView, UserView } from '../../domain/api';
import type { Locale } from '../../domain/dates';
import type { Kind } from '../../domain/entities';
import { api } from './api';
import type { Desk } from './desks';
import { t, useLocale } from './i18n';
import type { UpdateView } from '../../domain/updates';

/** What an action tells its screen: done, or a message to show (already translated). */
export type Done = { ok: true } | { ok: false; message: string; field?: string };

/** A thrown error (network, backend bug) as a sentence for the user. */
export function errorMessage(err: unknown): string {
  return t('common.unknownError', { message: err instanceof Error ? err.message : String(err) });
}

/** An API outcome as what a screen shows. */
export function outcomeToDone(o: Outcome<object>): Done {
  return o.ok ? { ok: true } : { ok: false, message: o.message, field: o.problem.field };
}

/** Runs an action; a thrown error comes back as its message. */
export async function attempt(work: () => Promise<Done>): Promise<Done> {
  try {
    return await work();
  } catch (err) {
    return { ok: false, message: errorMessage(err) };
  }
}

export interface InfoSlice {
  info: AppInfo | null;
  /** Set when the backend cannot be reached at start. */
  startError: string | null;
  loadInfo(): Promise<void>;
  setLocale(locale: Locale): Promise<Done>;
  setAutoLock(minutes: number): Promise<Done>;
  loadDemo(): Promise<Done & { records?: number }>;
  dismissDemo(): Promise<Done>;
}

export interface SessionSlice {
  session: SessionState | null;
  refreshSession(): Promise<void>;
  login(username: string, password: string): Promise<Done>;
  createFirstAdmin(args: { username: string; displayName: string; password: string }): Promise<Done>;
  lock(): Promise<Done>;
  /** Signs out; the login screen follows (also "switch user"). */
  logout(): Promise<Done>;
}

export interface StatusSlice {
  status: StatusView | null;
  refreshStatus(): Promise<void>;
  /** The Electron shell's updater; null or 'unsupported' shows nothing. */
  update: UpdateView | null;
  agreeUpdate(version: string): Promise<void>;
}

export interface NavSlice {
  desk: Desk;
  goTo(desk: Desk): void;
  paletteOpen: boolean;
  setPaletteOpen(open: boolean): void;
  attentionOpen: boolean;
  setAttentionOpen(open: boolean): void;
}

export interface ChangesSlice {
  /** Bumped per kind on every 'changed' event; use it as an effect dependency. */
  versions: Partial<Record<Kind, number>>;
  noteChanged(kinds: readonly Kind[]): void;
}

export interface ShellStore extends InfoSlice, SessionSlice, StatusSlice, NavSlice, ChangesSlice {
  /** Loads info, session and status and listens to the backend; returns the unsubscribe. */
  start(): () => void;
}

type Slice<S> = StateCreator<ShellStore, [], [], S>;

function applyInfo(info: AppInfo): { info: AppInfo } {
  if (useLocale.getState().locale !== info.locale) useLocale.getState().setLocale(info.locale);
  return { info };
}

const infoSlice: Slice<InfoSlice> = (set, get) => ({
  info: null,
  startError: null,
  async loadInfo() {
    try {
      set({ ...applyInfo(await api.call('app.info', {})), startError: null });
    } catch (err) {
      set({ startError: errorMessage(err) });
    }
  },
  setLocale: (locale) =>
    attempt(async () => {
      // Switch at once; the stored choice follows.
      useLocale.getState().setLocale(locale);
      set(applyInfo(await api.call('app.setLocale', { locale })));
      return { ok: true };
    }),
  setAutoLock: (minutes) =>
    attempt(async () => {
      set({ info: await api.call('app.setAutoLock', { minutes }) });
      return { ok: true };
    }),
  async loadDemo() {
    const done = await attempt(async () => {
      const result = await api.call('demo.load', {});
      return result.ok ? { ok: true, records: result.records } : outcomeToDone(result);
    });
    await Promise.all([get().loadInfo(), get().refreshSession(), get().refreshStatus()]);
    return done;
  },
  dismissDemo: () =>
    attempt(async () => {
      set(applyInfo(await api.call('demo.dismiss', {})));
      await get().refreshSession();
      return { ok: true };
    }),
});

const sessionSlice: Slice<SessionSlice> = (set, get) => ({
  session: null,
  async refreshSession() {
    try {
      set({ session: await api.call('auth.status', {}) });
    } catch (err) {
      set({ startError: errorMessage(err) });
    }
  },
  login: (username, password) =>
    attempt(async () => {
      const result = await api.call('auth.login', { username, password });
      if (result.ok) signedIn(set, result.user);
      return outcomeToDone(result);
    }),
  createFirstAdmin: (args) =>
    attempt(async () => {
      const result = await api.call('auth.createFirstAdmin', args);
      if (result.ok) {
        signedIn(set, result.user);
        await get().loadInfo();
      }
      return outcomeToDone(result);
    }),
  lock: () =>
    attempt(async () => {
      set({ session: await api.call('auth.lock', {}), paletteOpen: false, attentionOpen: false });
      return { ok: true };
    }),
  logout: () =>
    attempt(async () => {
      set({ session: await api.call('auth.logout', {}), paletteOpen: false, attentionOpen: false });
      return { ok: true };
    }),
});

// The 'session' event says the same; setting it here too spares a flash of the old screen.
function signedIn(set: (s: Partial<ShellStore>) => void, user: UserView) {
  set({ session: { user, locked: false, hasUsers: true } });
}

const statusSlice: Slice<StatusSlice> = (set) => ({
  status: null,
  async refreshStatus() {
    try {
      set({ status: await api.call('status.get', {}) });
    } catch {
      // The status bar keeps its last view; the next 'status' event brings it back.
    }
  },
  update: null,
  async agreeUpdate(version) {
    try {
      set({ update: await api.call('update.agree', { version }) });
    } catch {
      // Signed out meanwhile: the button stays.
    }
  },
});

const navSlice: Slice<NavSlice> = (set) => ({
  desk: 'maintenance',
  goTo: (desk) => set({ desk, paletteOpen: false }),
  paletteOpen: false,
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
  attentionOpen: false,
  setAttentionOpen: (attentionOpen) => set({ attentionOpen }),
});

const changesSlice: Slice<ChangesSlice> = (set) => ({
  versions: {},
  noteChanged: (kinds) =>
    set((s) => {
      const versions = { ...s.versions };
      for (const k of kinds) versions[k] = (versions[k] ?? 0) + 1;
      return { versions };
    }),
});

export const useShell = create<ShellStore>()((...a) => {
  const [set, get] = a;
  return {
    ...infoSlice(...a),
    ...sessionSlice(...a),
    ...statusSlice(...a),
    ...navSlice(...a),
    ...changesSlice(...a),
    start() {
      const off = api.onEvent((event) => {
        if (event.type === 'status') set({ status: event.status });
        else if (event.type === 'update') set({ update: event.update });
        else if (event.type === 'session') set({ session: event.session });
        else if (event.type === 'changed') {
          get().noteChanged(event.kinds);
          // New users or places change what the first-run screen offers.
          if (event.kinds.includes('user') || event.kinds.includes('site')) void get().loadInfo();
        }
      });
      void get().loadInfo();
      void get().refreshSession();
      void get().refreshStatus();
      api.call('update.status', {}).then(
        (update) => set({ update }),
        () => undefined,
      );
      return off;
    },
  };
});
