import '../testing/jsdom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { instantAt, type GridItem } from './grid-logic';
import { resourceHeads, TimeGrid } from './TimeGrid';

const rooms = ['aud', 'mr1', 'mr2'];
const day = '2022-03-01';
const meeting: GridItem = {
  id: 'm',
  resourceId: 'mr1',
  start: instantAt(day, 14 * 60),
  end: instantAt(day, 15 * 60),
  bufferBefore: 0,
  bufferAfter: 0,
  title: '預算審查會議',
  tone: 'approved',
  movable: true,
  label: '核准 預算審查會議',
};

const TONES = { approved: { background: 'rgb(29, 91, 166)', color: 'rgb(255, 255, 255)', border: '1px solid rgb(21, 74, 138)' } };

function Grid(props: { onSelectSlot?: () => void; onMove?: () => void; onOpen?: () => void; events?: GridItem[] }) {
  return (
    <TimeGrid
      header={rooms.map((r) => ({ key: r, label: r }))}
      bands={[{ key: day, date: day, columns: rooms.map((r) => ({ key: r, date: day, resourceId: r, open: [8 * 60, 18 * 60] as [number, number] })) }]}
      items={props.events ?? [meeting]}
      tones={TONES}
      hours={[8 * 60, 18 * 60]}
      ariaLabel="grid"
      onSelectSlot={props.onSelectSlot}
      onMove={props.onMove}
      onOpen={props.onOpen}
    />
  );
}

describe('the time grid from the keyboard', () => {
  it('arrows move the slot, Shift+↓ makes it longer, Enter asks for it', () => {
    const onSelectSlot = vi.fn();
    render(<Grid onSelectSlot={onSelectSlot} />);
    const grid = screen.getByRole('application');
    grid.focus();
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowRight' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown' });
    fireEvent.keyDown(grid, { key: 'ArrowDown', shiftKey: true });
    fireEvent.keyDown(grid, { key: 'Enter' });
    // The cursor starts at 09:00–10:00 in the first room.
    expect(onSelectSlot).toHaveBeenCalledWith({ date: day, resourceId: 'mr2', from: 9 * 60 + 30, to: 10 * 60 + 45 });
  });

  it('Alt+arrows move a booking (a room to the right, half an hour later), Enter confirms, Esc leaves it', () => {
    const onMove = vi.fn();
    const onOpen = vi.fn();
    render(<Grid onMove={onMove} onOpen={onOpen} />);
    const booking = screen.getByRole('button', { name: '核准 預算審查會議' });
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(booking, { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(booking, { key: 'Escape' });
    fireEvent.keyDown(booking, { key: 'Enter' });
    expect(onMove).not.toHaveBeenCalled();
    expect(onOpen).toHaveBeenCalledWith('m');
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(booking, { key: 'ArrowRight', altKey: true });
    fireEvent.keyDown(booking, { key: 'Enter' });
    expect(onMove).toHaveBeenCalledWith('m', { resourceId: 'mr2', start: instantAt(day, 14 * 60 + 30), end: instantAt(day, 15 * 60 + 30) });
  });

  it('Alt+Shift+↓ makes a booking longer; a booking the user may not move stays', () => {
    const onMove = vi.fn();
    const { unmount } = render(<Grid onMove={onMove} />);
    const booking = screen.getByRole('button', { name: '核准 預算審查會議' });
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true, shiftKey: true });
    fireEvent.keyDown(booking, { key: 'Enter' });
    expect(onMove).toHaveBeenCalledWith('m', { resourceId: 'mr1', start: meeting.start, end: instantAt(day, 15 * 60 + 15) });
    unmount();
    const fixed = vi.fn();
    render(<Grid onMove={fixed} events={[{ ...meeting, movable: false }]} />);
    const locked = screen.getByRole('button', { name: '核准 預算審查會議' });
    fireEvent.keyDown(locked, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(locked, { key: 'Enter' });
    expect(fixed).not.toHaveBeenCalled();
  });
});

describe('what the desk tells the grid', () => {
  it('heads the columns with its resources and draws each item in its state’s colours', () => {
    const vans = [
      { id: 'v1', label: '公務車 AAA-1234', sub: '7人座' },
      { id: 'v2', label: '公務車 BBB-5678' },
    ];
    const trip = (id: string, resourceId: string, tone: string): GridItem => ({ ...meeting, id, resourceId, tone, title: id, label: `${tone} ${id}` });
    render(
      <TimeGrid
        header={resourceHeads(vans)}
        bands={[{ key: day, date: day, columns: vans.map((v) => ({ key: v.id, date: day, resourceId: v.id, open: [8 * 60, 18 * 60] as [number, number] })) }]}
        items={[trip('t1', 'v1', 'out'), trip('t2', 'v2', 'unheard-of')]}
        tones={{ out: { background: 'rgb(255, 214, 102)', color: 'rgb(0, 0, 0)', border: '1px solid rgb(212, 136, 6)' } }}
        hours={[8 * 60, 18 * 60]}
        ariaLabel="trips"
      />,
    );
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['公務車 AAA-12347人座', '公務車 BBB-5678']);
    const out = screen.getByRole('button', { name: 'out t1' });
    expect(out.dataset.tone).toBe('out');
    expect(out.style.getPropertyValue('--tg-item-bg')).toBe('rgb(255, 214, 102)');
    expect(out.style.getPropertyValue('--tg-item-border')).toBe('1px solid rgb(212, 136, 6)');
    // A state the desk gave no colours for falls back to the grid's grey (time-grid.css).
    expect(screen.getByRole('button', { name: 'unheard-of t2' }).style.getPropertyValue('--tg-item-bg')).toBe('');
  });
});

describe('the grid in a page that scrolls', () => {
  it('lays out the items of the days the window shows, also when the page scrolls rather than the grid', async () => {
    // A week of days, one band each, 08:00–18:00 at 44 px an hour: 462 px a band; the grid grows to its full height.
    const dates = Array.from({ length: 7 }, (_, i) => `2022-03-0${i + 1}`);
    const events = dates.map((d, i) => ({ ...meeting, id: `m${i}`, start: instantAt(d, 14 * 60), end: instantAt(d, 15 * 60), label: `核准 ${d}` }));
    let gridTop = 100;
    const rect = vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      const top = this.classList.contains('tg-grid') ? gridTop : 0;
      const height = this.classList.contains('tg-grid') ? 42 + 7 * 462 : 0;
      return { top, bottom: top + height, left: 0, right: 1000, width: 1000, height, x: 0, y: top, toJSON: () => ({}) } as DOMRect;
    });
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation((f) => (f(0), 0));
    const innerHeight = window.innerHeight;
    window.innerHeight = 800;
    try {
      render(
        <TimeGrid
          header={rooms.map((r) => ({ key: r, label: r }))}
          bands={dates.map((d) => ({ key: d, date: d, columns: rooms.map((r) => ({ key: `${d}:${r}`, date: d, resourceId: r, open: [8 * 60, 18 * 60] as [number, number] })) }))}
          items={events}
          tones={TONES}
          hours={[8 * 60, 18 * 60]}
          ariaLabel="grid"
        />,
      );
      const shown = () => screen.queryAllByRole('button').map((b) => b.getAttribute('aria-label'));
      // 700 px of the grid in the window, and half as much again below it: the first three days.
      expect(shown()).toEqual(['核准 2022-03-01', '核准 2022-03-02', '核准 2022-03-03']);
      // The page scrolls the grid up by 2,000 px: the days now in the window are laid out.
      gridTop = -2000;
      await act(async () => void window.dispatchEvent(new Event('scroll')));
      expect(shown()).toEqual(['核准 2022-03-04', '核准 2022-03-05', '核准 2022-03-06', '核准 2022-03-07']);
    } finally {
      rect.mockRestore();
      vi.restoreAllMocks();
      window.innerHeight = innerHeight;
    }
  });
});
