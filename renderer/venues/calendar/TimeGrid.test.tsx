import '../../components/testing/jsdom';
import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { instantAt, type GridEvent } from './grid-logic';
import { TimeGrid } from './TimeGrid';

const rooms = ['aud', 'mr1', 'mr2'];
const day = '2022-03-01';
const meeting: GridEvent = {
  id: 'm',
  venueId: 'mr1',
  start: instantAt(day, 14 * 60),
  end: instantAt(day, 15 * 60),
  bufferBefore: 0,
  bufferAfter: 0,
  title: '預算審查會議',
  tone: 'approved',
  movable: true,
  label: '核准 預算審查會議',
};

function Grid(props: { onSelectSlot?: () => void; onMove?: () => void; onOpen?: () => void; events?: GridEvent[] }) {
  return (
    <TimeGrid
      header={rooms.map((r) => ({ key: r, label: r }))}
      bands={[{ key: day, date: day, columns: rooms.map((r) => ({ key: r, date: day, venueId: r, open: [8 * 60, 18 * 60] as [number, number] })) }]}
      events={props.events ?? [meeting]}
      hours={[8 * 60, 18 * 60]}
      ariaLabel="grid"
      onSelectSlot={props.onSelectSlot}
      onMove={props.onMove}
      onOpen={props.onOpen}
    />
  );
}

describe('the booking grid from the keyboard', () => {
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
    expect(onSelectSlot).toHaveBeenCalledWith({ date: day, venueId: 'mr2', from: 9 * 60 + 30, to: 10 * 60 + 45 });
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
    expect(onMove).toHaveBeenCalledWith('m', { venueId: 'mr2', start: instantAt(day, 14 * 60 + 30), end: instantAt(day, 15 * 60 + 30) });
  });

  it('Alt+Shift+↓ makes a booking longer; a booking the user may not move stays', () => {
    const onMove = vi.fn();
    const { unmount } = render(<Grid onMove={onMove} />);
    const booking = screen.getByRole('button', { name: '核准 預算審查會議' });
    fireEvent.keyDown(booking, { key: 'ArrowDown', altKey: true, shiftKey: true });
    fireEvent.keyDown(booking, { key: 'Enter' });
    expect(onMove).toHaveBeenCalledWith('m', { venueId: 'mr1', start: meeting.start, end: instantAt(day, 15 * 60 + 15) });
    unmount();
    const fixed = vi.fn();
    render(<Grid onMove={fixed} events={[{ ...meeting, movable: false }]} />);
    const locked = screen.getByRole('button', { name: '核准 預算審查會議' });
    fireEvent.keyDown(locked, { key: 'ArrowDown', altKey: true });
    fireEvent.keyDown(locked, { key: 'Enter' });
    expect(fixed).not.toHaveBeenCalled();
  });
});
