/** Rules about places (場所). */

/** The whole number a text starts with, as SQLite's CAST(text AS INTEGER) reads it. */
function leadingInt(s: string): number {
  const m = /^\d+/.exec(s);
  return m ? Number(m[0]) : 0;
}

/**
 * The order of a floor from the name on its sign: B2 → -2, 1F/1樓 → 1, 1F夾層 → 1,
 * RF/屋頂 → 100; names it cannot read sort after the numbered floors, before the roof.
 * Migration 0001 computes the same rule in SQL for floors that existed before it; a test
 * keeps the two in step.
 */
export function floorLevelFromName(name: string): number {
  const upper = name.toUpperCase();
  if (/^B\d/.test(upper)) return -leadingInt(name.slice(1));
  if (/^地下\d/.test(name)) return -leadingInt(name.slice(2));
  if (/^L\d/.test(upper)) return leadingInt(name.slice(1));
  if (/^\d/.test(name)) return leadingInt(name);
  if (['RF', 'R', '屋頂', '頂樓'].includes(upper)) return 100;
  return 50;
}
