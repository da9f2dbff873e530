/**
 * Makes the rounds due around today on this workstation, also offline: when the plans or
 * the calendar change, the screen asks how many rounds of the window are missing and, if
 * any, runs inspectionRound.generate (which makes only those, with the ids every other
 * workstation gives them).
 */
import { useEffect } from 'react';
import { addDays, todayInTaipei } from '../../../domain/dates';
import { api } from '../../app/api';
import { useChangeVersion } from '../../app/hooks';
import { mutate } from '../../settings/actions';
import { useMayRun } from '../../settings/permissions';

/** Rounds are made from a month back (to show what was missed) to a month ahead. */
export function generationWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -30), to: addDays(today, 31) };
}

export function useRoundGeneration(): void {
  const may = useMayRun('inspectionRound.generate');
  const version = useChangeVersion('inspectionPlan', 'calendarDay', 'inspectionRound');
  const today = todayInTaipei();
  useEffect(() => {
    if (!may) return;
    let live = true;
    const window = generationWindow(today);
    api.call('inspections.missing', window).then(
      ({ count }) => {
        if (live && count > 0) void mutate('inspectionRound.generate', window);
      },
      () => undefined, // the list shows what exists; the next change tries again
    );
    return () => {
      live = false;
    };
  }, [may, version, today]);
}
