/**
 * Makes the rounds due around today on this workstation, also offline: when the desk opens,
 * the plans or the calendar change, or a new day begins, the screen asks how many rounds of
 * the window are missing and, if any, runs inspectionRound.generate (which makes only
 * those, with the ids every other workstation gives them). MaintenanceDesk calls it.
 */
import { useEffect, useState } from 'react';
import { addDays, todayInTaipei, type BusinessDate } from '../../../domain/dates';
import { api } from '../../app/api';
import { useChangeVersion } from '../../app/hooks';
import { mutate } from '../../app/mutate';
import { useMayRun } from '../../app/permissions';

/** Rounds are made from a month back (to show what was missed) to a month ahead. */
export function generationWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -30), to: addDays(today, 31) };
}

/** Today in Taipei, turning over at midnight while the screen stays open (checked each minute, so a sleeping laptop catches up on waking). */
export function useTaipeiToday(): BusinessDate {
  const [today, setToday] = useState(() => todayInTaipei());
  useEffect(() => {
    const timer = setInterval(() => setToday(todayInTaipei()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return today;
}

export function useRoundGeneration(): void {
  const may = useMayRun('inspectionRound.generate');
  const version = useChangeVersion('inspectionPlan', 'calendarDay', 'inspectionRound');
  const today = useTaipeiToday();
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
