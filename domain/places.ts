/** Rules about places (場所). */

/**
 * The order of a floor from the name on its sign: B2 → -2, 1F/1樓 → 1, RF/屋頂 → 100.
 * Unknown names sort after the numbered floors but before the roof.
 */
export function floorLevelFromName(name: string): number {
  const s = name.trim().toUpperCase();
  const basement = /^B(\d+)F?$|^地下(\d+)樓$/.exec(s);
  if (basement) return -Number(basement[1] ?? basement[2]);
  const above = /^(\d+)(F|樓)?$|^L(\d+)$/.exec(s);
  if (above) return Number(above[1] ?? above[3]);
  if (s === 'RF' || s === 'R' || s === '屋頂' || s === '頂樓') return 100;
  return 50;
}
