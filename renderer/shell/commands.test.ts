import { describe, expect, it } from 'vitest';
import { matchCommands, type Command } from './commands';

const noop = () => {};
const commands: Command[] = [
  { id: 'maintenance', label: '前往：維修', aliases: ['Go to: Maintenance', 'maintenance'], run: noop },
  { id: 'parking', label: '前往：停車證', aliases: ['Go to: Parking', 'parking'], run: noop },
  { id: 'settings', label: '前往：設定', aliases: ['Go to: Settings', 'settings'], run: noop },
  { id: 'lock', label: '鎖定工作站', aliases: ['Lock workstation'], run: noop },
  { id: 'language', label: '切換語言：English', aliases: ['切換語言', 'Switch language'], run: noop },
];
const ids = (query: string) => matchCommands(commands, query).map((c) => c.id);

describe('command palette matching', () => {
  it('lists every command for an empty query, in their order', () => {
    expect(ids('')).toEqual(['maintenance', 'parking', 'settings', 'lock', 'language']);
  });

  it('finds Chinese labels by any part, punctuation or not', () => {
    expect(ids('停車')).toEqual(['parking']);
    expect(ids('前往設定')).toEqual(['settings']);
    expect(ids('鎖')).toEqual(['lock']);
  });

  it('finds them by their English words too, in any case and full-width', () => {
    expect(ids('PARK')).toEqual(['parking']);
    expect(ids('go set')).toEqual(['settings']);
    expect(ids('ｌｏｃｋ')).toEqual(['lock']);
    expect(ids('language')).toEqual(['language']);
  });

  it('puts labels that start with the query first', () => {
    expect(ids('語言')).toEqual(['language']);
    expect(ids('工作站')[0]).toBe('lock');
    const bothGo = matchCommands(commands, '前往').map((c) => c.id);
    expect(bothGo).toEqual(['maintenance', 'parking', 'settings']);
  });

  it('finds nothing for words no command has', () => {
    expect(ids('公文')).toEqual([]);
    expect(ids('go lock')).toEqual([]);
  });
});
