import '../testing/jsdom';
import { fireEvent, render, screen } from '@testing-library/react';
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
