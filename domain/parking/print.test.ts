import { describe, expect, it } from 'vitest';
import { CARDS_PER_SHEET, cardSheets, numberRanges } from './print';

describe('permit cards on A4 sheets', () => {
  it('puts up to a sheetful on one sheet and starts a second for one more', () => {
    const cards = (n: number) => Array.from({ length: n }, (_, i) => i);
    expect(cardSheets(cards(0))).toEqual([]);
    expect(cardSheets(cards(1))).toEqual([[0]]);
    expect(cardSheets(cards(CARDS_PER_SHEET))).toHaveLength(1);
    const two = cardSheets(cards(CARDS_PER_SHEET + 1));
    expect(two.map((s) => s.length)).toEqual([CARDS_PER_SHEET, 1]);
    expect(two.flat()).toEqual(cards(CARDS_PER_SHEET + 1));
  });
});

describe("the approval letter's permit numbers", () => {
  it('lists consecutive numbers as one range, a gap starts another', () => {
    expect(numberRanges(['證-111-00003', '證-111-00001', '證-111-00002', '證-111-00007'])).toEqual([
      { first: '證-111-00001', last: '證-111-00003' },
      { first: '證-111-00007', last: '證-111-00007' },
    ]);
  });
  it('keeps the years apart and leaves no range for no number', () => {
    expect(numberRanges(['證-111-00009', '證-112-00010'])).toHaveLength(2);
    expect(numberRanges([])).toEqual([]);
  });
});
