/** A time of day as the clerk types it: 0930, 9:30 or 09:30 are 09:30; anything else is null. */
const CLOCK = /^([01]?\d|2[0-3]):?([0-5]\d)$/;

export function clockInput(s: string | undefined): string | null {
  const m = CLOCK.exec((s ?? '').trim().replace('：', ':'));
  return m ? `${m[1].padStart(2, '0')}:${m[2]}` : null;
}
