import '../components/testing/jsdom';
import { act, fireEvent, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useIdleTimer } from './hooks';

function Idle({ minutes, active, onIdle }: { minutes: number; active: boolean; onIdle: () => void }) {
  useIdleTimer(minutes, active, onIdle);
  return null;
}

describe('auto-lock after idle time', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once after the minutes pass without keyboard or mouse', () => {
    const onIdle = vi.fn();
    render(<Idle minutes={2} active onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(105_000));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(15_000));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('a key press or mouse move starts the count again', () => {
    const onIdle = vi.fn();
    render(<Idle minutes={1} active onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(45_000));
    fireEvent.keyDown(window, { key: 'a' });
    act(() => vi.advanceTimersByTime(45_000));
    fireEvent.mouseMove(window);
    act(() => vi.advanceTimersByTime(45_000));
    expect(onIdle).not.toHaveBeenCalled();
    act(() => vi.advanceTimersByTime(30_000));
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('does nothing while not active (signed out or already locked)', () => {
    const onIdle = vi.fn();
    render(<Idle minutes={1} active={false} onIdle={onIdle} />);
    act(() => vi.advanceTimersByTime(10 * 60_000));
    expect(onIdle).not.toHaveBeenCalled();
  });
});
