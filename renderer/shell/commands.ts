/**
 * The command palette's list and its matching. A command carries its label in the
 * user's language and in the other one, so 設定, 設 and "settings" all find 前往：設定.
 */
export type { Command } from '../app/desks';
import type { Command } from '../app/desks';

/** Letters and digits only, full-width folded, lower case: 「前往：設定」→ 前往設定. */
function fold(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Commands whose labels contain every word of the query, best (label starts so) first. */
export function matchCommands(commands: readonly Command[], query: string): Command[] {
  const words = query.split(/\s+/).map(fold).filter(Boolean);
  if (words.length === 0) return [...commands];
  const scored: { command: Command; rank: number; index: number }[] = [];
  commands.forEach((command, index) => {
    const label = fold(command.label);
    const all = [label, ...command.aliases.map(fold)].join(' ');
    if (!words.every((w) => all.includes(w))) return;
    const rank = label.startsWith(words[0]) ? 0 : label.includes(words[0]) ? 1 : 2;
    scored.push({ command, rank, index });
  });
  return scored.sort((a, b) => a.rank - b.rank || a.index - b.index).map((s) => s.command);
}
