/** Hooks the desks share: backend reads that follow changes, live record lists and the idle timer. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiArgs, ApiName, ApiResults } from '../../domain/api';
import type { Entities, Kind } from '../../domain/entities';
import { api } from './api';
import { errorMessage, useShell } from './store';

/**
 * A number that grows whenever records of these kinds change (on this workstation or by
 * sync). Put it in an effect's dependencies to reload: `useEffect(load, [useChangeVersion('site')])`.
 */
export function useChangeVersion(...kinds: Kind[]): number {
  return useShell((s) => kinds.reduce((sum, k) => sum + (s.versions[k] ?? 0), 0));
}

/** Arguments as text with the keys of every object sorted: equal arguments, equal text. */
export function argsKey(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v));
}

export interface ApiRead<T> {
  /** The answer for these arguments; undefined until the first one came (or when nothing is asked). */
  data: T | undefined;
  /** A message for the user when the last read failed (the data shown, if any, is the one before). */
  error: string | null;
  /** A read for the current arguments and changes is on its way. */
  loading: boolean;
  /** Ask again, as if something had changed. */
  reload(): void;
}

export interface ApiReadOptions {
  /** Read again whenever records of these kinds change (here or by sync). */
  reloadOn?: readonly Kind[];
  /** Keep showing the answer for the previous arguments while the new ones are read (a calendar moving a week). */
  keepPrevious?: boolean;
  /** Other values that ask again when they change (compared by value), keeping the data meanwhile. */
  alsoOn?: readonly unknown[];
  /** False asks nothing (a closed drawer) but keeps what was read; true again asks afresh. Default true. */
  enabled?: boolean;
}

interface Answer<T> {
  /** The question last answered, and its arguments. */
  question: string;
  subject: string;
  /** The last data received, and the arguments it was for (a failure keeps the data before). */
  data: T;
  dataSubject: string;
  error: string | null;
}

/**
 * One backend read: `useApiRead('tickets.get', id ? { id } : null, { reloadOn: ['ticket'] })`.
 * Arguments are compared by value, so an inline object asks nothing new on each render;
 * null asks nothing. The read goes out again when the arguments change, when a kind in
 * `reloadOn` changes, or on `reload()`; an older answer never overwrites a newer one.
 */
export function useApiRead<N extends ApiName>(name: N, args: ApiArgs<N> | null, options: ApiReadOptions = {}): ApiRead<ApiResults[N]> {
  const version = useChangeVersion(...(options.reloadOn ?? []));
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const json = args === null ? null : argsKey(args);
  const subject = json === null ? null : `${name}|${json}`;
  const enabled = options.enabled ?? true;
  // Each time reading is enabled again counts as a new question (a drawer opened afresh).
  const [openings, setOpenings] = useState({ enabled, count: 0 });
  if (openings.enabled !== enabled) setOpenings({ enabled, count: openings.count + (enabled ? 1 : 0) });
  const also = options.alsoOn ? argsKey(options.alsoOn) : '';
  const question = subject === null ? null : `${subject}|${version}|${asked}|${also}|${openings.count}`;
  const [answer, setAnswer] = useState<Answer<ApiResults[N] | undefined> | null>(null);

  useEffect(() => {
    if (!enabled || json === null || subject === null || question === null) return;
    let current = true;
    api.call(name, JSON.parse(json) as ApiArgs<N>).then(
      (data) => current && setAnswer({ question, subject, data, dataSubject: subject, error: null }),
      (err: unknown) => current && setAnswer((a) => ({ question, subject, data: a?.data, dataSubject: a?.dataSubject ?? '', error: errorMessage(err) })),
    );
    return () => {
      current = false;
    };
  }, [enabled, name, json, subject, question]);

  if (subject === null) return { data: undefined, error: null, loading: false, reload };
  const keep = options.keepPrevious === true;
  return {
    data: answer && (keep || answer.dataSubject === subject) ? answer.data : undefined,
    error: answer && (keep || answer.subject === subject) ? answer.error : null,
    loading: enabled && answer?.question !== question,
    reload,
  };
}

export interface RecordList<K extends Kind> {
  records: Entities[K][];
  loading: boolean;
  /** A message for the user when the list could not be loaded. */
  error: string | null;
  reload(): void;
}

/** The records of one kind, reloaded whenever that kind changes. */
export function useRecords<K extends Kind>(kind: K, options: { includeArchived?: boolean } = {}): RecordList<K> {
  const includeArchived = options.includeArchived ?? false;
  const { data, error, loading, reload } = useApiRead('records.list', { kind, includeArchived }, { reloadOn: [kind], keepPrevious: true });
  return { records: (data ?? NO_RECORDS) as Entities[K][], error, loading, reload };
}

const NO_RECORDS: never[] = [];

const ACTIVITY = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart'] as const;

/** Calls `onIdle` once after `minutes` without keyboard or mouse activity, while `active`. */
export function useIdleTimer(minutes: number, active: boolean, onIdle: () => void): void {
  const fire = useRef(onIdle);
  useEffect(() => {
    fire.current = onIdle;
  }, [onIdle]);

  useEffect(() => {
    if (!active || !(minutes > 0)) return;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY) window.addEventListener(name, touch, { capture: true, passive: true });
    const limit = minutes * 60_000;
    const timer = setInterval(
      () => {
        if (Date.now() - last >= limit) {
          last = Date.now();
          fire.current();
        }
      },
      Math.min(15_000, limit),
    );
    return () => {
      clearInterval(timer);
      for (const name of ACTIVITY) window.removeEventListener(name, touch, { capture: true });
    };
  }, [minutes, active]);
}
