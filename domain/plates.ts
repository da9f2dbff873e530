/**
 * Taiwan plates as people type them: any case, with or without the dash, spaces,
 * full-width characters. The dash is not part of a plate's identity, so plates are
 * stored without it and shown in the usual form (ABC-1234, 123-ABC, AB-1234, 1234-AB).
 */

/** ＡＢＣ－１２３４, "abc 1234", "ABC.1234" → ABC1234; keeps letters and digits only. */
export function normalizePlate(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
}

/** A plate as it may be stored: 4 to 8 letters and digits, with at least one of each. */
export function isPlate(normalized: string): boolean {
  return /^[A-Z0-9]{4,8}$/.test(normalized) && /[A-Z]/.test(normalized) && /[0-9]/.test(normalized);
}

/** ABC1234 → ABC-1234, 123ABC → 123-ABC; a plate that is not one letter group and one digit group stays as it is. */
export function formatPlate(normalized: string): string {
  const m = /^([A-Z]+)([0-9]+)$|^([0-9]+)([A-Z]+)$/.exec(normalized);
  if (!m) return normalized;
  return m[1] ? `${m[1]}-${m[2]}` : `${m[3]}-${m[4]}`;
}

/** Whether a guard's typed (or partial) plate matches a stored one: anywhere in it, as typed. */
export function plateMatches(stored: string, typed: string): boolean {
  const q = normalizePlate(typed);
  return q.length > 0 && stored.includes(q);
}

/** Plates as a clerk types several in one field: split by commas or 、 (a plate itself may hold a space: ABC 1234). */
export function splitPlates(typed: string): string[] {
  return typed
    .split(/[,，、;；]+/)
    .map((p) => p.trim())
    .filter(Boolean);
}
