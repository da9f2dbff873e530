import '../components/testing/jsdom';
import { act, render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useAsked } from './data';

type Seen = { value: string; loading: boolean; error: string | null; askedBefore: number };

function Reader({ question, ask, seen }: { question: string | null; ask: (q: string) => Promise<string>; seen: Seen[] }) {
  const answer = useAsked(question, () => ask(question!), '');
  // How many questions had gone out by the time this render got past the hook.
  seen.push({ ...answer, askedBefore: (ask as ReturnType<typeof vi.fn>).mock.calls.length });
  return null;
}

function deferred() {
  let resolve!: (v: string) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<string>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('a backend read', () => {
  it('asks during the render that has the question, once, and shows the answer', async () => {
    const answer = deferred();
    const ask = vi.fn(() => answer.promise);
    const seen: Seen[] = [];
    const view = render(<Reader question="week 1" ask={ask} seen={seen} />);
    expect(seen[0]).toMatchObject({ loading: true, askedBefore: 1 });
    view.rerender(<Reader question="week 1" ask={ask} seen={seen} />);
    await act(async () => answer.resolve('bookings of week 1'));
    expect(ask).toHaveBeenCalledTimes(1);
    expect(seen.at(-1)).toMatchObject({ value: 'bookings of week 1', loading: false, error: null });
  });

  it('never lets an older answer overwrite a newer one, and says when a read failed', async () => {
    const first = deferred();
    const second = deferred();
    const ask = vi.fn((q: string) => (q === 'week 1' ? first.promise : second.promise));
    const seen: Seen[] = [];
    const view = render(<Reader question="week 1" ask={ask} seen={seen} />);
    view.rerender(<Reader question="week 2" ask={ask} seen={seen} />);
    await act(async () => second.resolve('bookings of week 2'));
    await act(async () => first.resolve('bookings of week 1'));
    expect(seen.at(-1)).toMatchObject({ value: 'bookings of week 2', loading: false });

    const third = deferred();
    ask.mockImplementation(() => third.promise);
    view.rerender(<Reader question="week 3" ask={ask} seen={seen} />);
    await act(async () => third.reject(new Error('the workstation is not answering')));
    expect(seen.at(-1)).toMatchObject({ value: 'bookings of week 2', loading: false, error: expect.stringContaining('the workstation is not answering') });
  });

  it('asks nothing without a question', () => {
    const ask = vi.fn(() => Promise.resolve('x'));
    const seen: Seen[] = [];
    render(<Reader question={null} ask={ask} seen={seen} />);
    expect(ask).not.toHaveBeenCalled();
    expect(seen.at(-1)).toMatchObject({ loading: false });
  });
});
