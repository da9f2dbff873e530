/** Hooks the desks share: live record lists and the idle timer. */
import { useCallback, useEffect, useRef, useState } from 'react';
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
  const version = useChangeVersion(kind);
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  // What was asked for; the answer is current when it was given for this same question.
  const question = `${kind}|${includeArchived}|${version}|${asked}`;
  const [answer, setAnswer] = useState<{ question: string; records: Entities[K][]; error: string | null }>({ question: '', records: [], error: null });

  useEffect(() => {
    let current = true;
    api.call('records.list', { kind, includeArchived }).then(
      (records) => current && setAnswer({ question, records: records as Entities[K][], error: null }),
      (err: unknown) => current && setAnswer((a) => ({ question, records: a.records, error: errorMessage(err) })),
    );
    return () => {
      current = false;
    };
  }, [kind, includeArchived, question]);

  return { records: answer.records, error: answer.error, loading: answer.question !== question, reload };
}

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
