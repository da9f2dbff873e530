import '../../components/testing/jsdom';
import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { generationWindow, useTaipeiToday } from './generation';

function Today() {
  return <span data-testid="today">{useTaipeiToday()}</span>;
}

describe('round generation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('the day turns over at midnight in Taipei while the desk stays open', () => {
    vi.setSystemTime(new Date('2022-01-11T15:59:00Z')); // 111/1/11 23:59 in Taipei
    const { getByTestId } = render(<Today />);
    expect(getByTestId('today').textContent).toBe('2022-01-11');
    act(() => vi.advanceTimersByTime(61_000));
    expect(getByTestId('today').textContent).toBe('2022-01-12');
  });

  it('makes the rounds from a month back to a month ahead', () => {
    expect(generationWindow('2022-01-12')).toEqual({ from: '2021-12-13', to: '2022-02-12' });
  });
});
