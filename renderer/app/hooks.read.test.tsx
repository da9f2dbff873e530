import '../components/testing/jsdom';
import { act, render, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { ApiArgs } from '../../domain/api';
import { useApiRead } from './hooks';
import { useShell } from './store';

const calls = vi.hoisted(() => [] as { name: string; args: unknown; resolve: (v: unknown) => void; reject: (e: unknown) => void }[]);
vi.mock('./api', () => ({
  api: {
    call: (name: string, args: unknown) =>
      new Promise((resolve, reject) => {
        calls.push({ name, args, resolve, reject });
      }),
    onEvent: () => () => undefined,
  },
}));

function Read({ id, keepPrevious, onReload }: { id: string | null; keepPrevious?: boolean; onReload?: (reload: () => void) => void }) {
  // An inline object, new on every render.
  const args: ApiArgs<'tickets.get'> | null = id ? { id } : null;
  const { data, error, loading, reload } = useApiRead('tickets.get', args, { reloadOn: ['ticket'], keepPrevious });
  onReload?.(reload);
  const shown = data as unknown as string | undefined;
  return <div data-testid="out">{`${loading ? 'loading' : 'idle'}|${shown ?? '-'}|${error ?? '-'}`}</div>;
}

const out = () => screen.getByTestId('out').textContent;
const answer = async (i: number, value: unknown) => act(async () => calls[i]!.resolve(value));
const fail = async (i: number, message: string) => act(async () => calls[i]!.reject(new Error(message)));

describe('useApiRead: one backend read that follows changes', () => {
  beforeEach(() => {
    calls.length = 0;
  });

  it('asks once, shows loading, then the answer', async () => {
    const { rerender } = render(<Read id="t1" />);
    expect(out()).toBe('loading|-|-');
    expect(calls).toMatchObject([{ name: 'tickets.get', args: { id: 't1' } }]);
    rerender(<Read id="t1" />);
    rerender(<Read id="t1" />);
    expect(calls).toHaveLength(1); // equal arguments in a new object ask nothing new
    await answer(0, 'first');
    expect(out()).toBe('idle|first|-');
  });

  it('null arguments ask nothing and show nothing', () => {
    render(<Read id={null} />);
    expect(calls).toHaveLength(0);
    expect(out()).toBe('idle|-|-');
  });

  it('reads again when a kind in reloadOn changes, keeping the data meanwhile', async () => {
    render(<Read id="t1" />);
    await answer(0, 'first');
    act(() => useShell.getState().noteChanged(['space']));
    expect(calls).toHaveLength(1); // another kind: nothing
    act(() => useShell.getState().noteChanged(['ticket']));
    expect(calls).toHaveLength(2);
    expect(out()).toBe('loading|first|-');
    await answer(1, 'second');
    expect(out()).toBe('idle|second|-');
  });

  it('reload() asks again', async () => {
    let reload = () => {};
    render(<Read id="t1" onReload={(r) => (reload = r)} />);
    await answer(0, 'first');
    act(() => reload());
    expect(calls).toHaveLength(2);
    await answer(1, 'again');
    expect(out()).toBe('idle|again|-');
  });

  it('an older answer never overwrites a newer one', async () => {
    const { rerender } = render(<Read id="t1" />);
    rerender(<Read id="t2" />);
    expect(calls.map((c) => c.args)).toEqual([{ id: 't1' }, { id: 't2' }]);
    await answer(1, 'two');
    await answer(0, 'one');
    expect(out()).toBe('idle|two|-');
  });

  it('new arguments start empty, unless the previous answer is kept', async () => {
    const { rerender } = render(<Read id="t1" />);
    await answer(0, 'one');
    rerender(<Read id="t2" />);
    expect(out()).toBe('loading|-|-');
    rerender(<Read id="t3" keepPrevious />);
    expect(out()).toBe('loading|one|-');
  });

  it('a failure shows a message and keeps the data from before', async () => {
    render(<Read id="t1" />);
    await fail(0, 'disk');
    expect(out()).toMatch(/^idle\|-\|.*disk/);
    act(() => useShell.getState().noteChanged(['ticket']));
    await answer(1, 'back');
    expect(out()).toBe('idle|back|-');
    act(() => useShell.getState().noteChanged(['ticket']));
    await fail(2, 'gone');
    expect(out()).toMatch(/^idle\|back\|.*gone/);
  });

  it('while not enabled asks nothing but keeps what was read; enabled again asks afresh', async () => {
    function Drawer({ open }: { open: boolean }) {
      const { data, loading } = useApiRead('attention.list', {}, { enabled: open });
      return <div data-testid="out">{`${loading ? 'loading' : 'idle'}|${(data as unknown as string | undefined) ?? '-'}`}</div>;
    }
    const { rerender } = render(<Drawer open={false} />);
    expect(calls).toHaveLength(0);
    expect(out()).toBe('idle|-');
    rerender(<Drawer open />);
    await answer(0, 'items');
    rerender(<Drawer open={false} />);
    expect(out()).toBe('idle|items');
    rerender(<Drawer open />);
    expect(calls).toHaveLength(2);
    expect(out()).toBe('loading|items');
  });

  it('alsoOn values ask again when they change, keeping the data meanwhile', async () => {
    function Mine({ person }: { person: string }) {
      const { data, loading } = useApiRead('tickets.myWork', {}, { alsoOn: [person] });
      return <div data-testid="out">{`${loading ? 'loading' : 'idle'}|${(data as unknown as string | undefined) ?? '-'}`}</div>;
    }
    const { rerender } = render(<Mine person="p1" />);
    await answer(0, 'mine');
    rerender(<Mine person="p1" />);
    expect(calls).toHaveLength(1);
    rerender(<Mine person="p2" />);
    expect(calls).toHaveLength(2);
    expect(out()).toBe('loading|mine');
  });
});
