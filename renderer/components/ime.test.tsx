import './testing/jsdom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, Form, Input } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { CommandPalette } from '../shell/CommandPalette';
import type { Command } from '../shell/commands';
import { KeyboardForm } from './KeyboardForm';
import { useShortcuts } from './shortcuts';

/** Lets antd's async validation and our same-tick flags run out. */
const settle = () => act(() => new Promise((r) => setTimeout(r, 30)));

/** Chromium and Firefox: the confirming Enter comes before compositionend, marked composing. */
function chromiumConfirm(el: Element, text: string) {
  fireEvent.compositionStart(el);
  fireEvent.change(el, { target: { value: text } });
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 229, isComposing: true });
  fireEvent.compositionEnd(el, { data: text });
}

/** Safari: compositionend first, then an Enter keydown that says nothing about the IME. */
function safariConfirm(el: Element, text: string) {
  fireEvent.compositionStart(el);
  fireEvent.change(el, { target: { value: text } });
  fireEvent.compositionEnd(el, { data: text });
  return fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13 });
}

function NameForm({ onSubmit, onCancel }: { onSubmit: (v: unknown) => void; onCancel?: () => void }) {
  return (
    <KeyboardForm onSubmit={onSubmit} onCancel={onCancel}>
      <Form.Item name="name" label="name">
        <Input aria-label="name" />
      </Form.Item>
      <Form.Item name="note" label="note">
        <Input.TextArea aria-label="note" />
      </Form.Item>
      <Button htmlType="submit">save</Button>
    </KeyboardForm>
  );
}

describe('KeyboardForm and the IME', () => {
  it('a plain Enter in a field submits the form once, with the values', async () => {
    const onSubmit = vi.fn();
    render(<NameForm onSubmit={onSubmit} />);
    const name = screen.getByLabelText('name');
    fireEvent.change(name, { target: { value: '四維行政中心' } });
    fireEvent.keyDown(name, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: '四維行政中心' }));
  });

  it('the Enter that confirms a candidate (isComposing, keyCode 229) does not submit', async () => {
    const onSubmit = vi.fn();
    render(<NameForm onSubmit={onSubmit} />);
    chromiumConfirm(screen.getByLabelText('name'), '電梯');
    await settle();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('a keyCode 229 Enter without the isComposing flag does not submit', async () => {
    const onSubmit = vi.fn();
    render(<NameForm onSubmit={onSubmit} />);
    fireEvent.keyDown(screen.getByLabelText('name'), { key: 'Enter', keyCode: 229 });
    await settle();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it("Safari's order (compositionend, then Enter in the same tick) does not submit, and the next Enter does", async () => {
    const onSubmit = vi.fn();
    render(<NameForm onSubmit={onSubmit} />);
    const name = screen.getByLabelText('name');
    // Cancelled, so the browser's implicit submit (via the submit button) cannot fire either.
    expect(safariConfirm(name, '漏水')).toBe(false);
    await settle();
    expect(onSubmit).not.toHaveBeenCalled();
    fireEvent.keyDown(name, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ name: '漏水' })));
  });

  it('Enter in a textarea is a new line, not a submit', async () => {
    const onSubmit = vi.fn();
    render(<NameForm onSubmit={onSubmit} />);
    fireEvent.keyDown(screen.getByLabelText('note'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await settle();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('Esc cancels, but not the Esc that cancels a composition', async () => {
    const onCancel = vi.fn();
    render(<NameForm onSubmit={() => {}} onCancel={onCancel} />);
    const name = screen.getByLabelText('name');
    fireEvent.compositionStart(name);
    fireEvent.keyDown(name, { key: 'Escape', keyCode: 229, isComposing: true });
    fireEvent.compositionEnd(name);
    await settle();
    expect(onCancel).not.toHaveBeenCalled();
    fireEvent.keyDown(name, { key: 'Escape', keyCode: 27 });
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it('focuses the first field when it appears', async () => {
    render(<NameForm onSubmit={() => {}} />);
    await settle();
    expect(document.activeElement).toBe(screen.getByLabelText('name'));
  });
});

function commands(run: (id: string) => void): Command[] {
  return [
    { id: 'maintenance', label: '前往：維修', aliases: ['Go to: Maintenance'], run: () => run('maintenance') },
    { id: 'settings', label: '前往：設定', aliases: ['Go to: Settings'], run: () => run('settings') },
    { id: 'lock', label: '鎖定工作站', aliases: ['Lock workstation'], run: () => run('lock') },
  ];
}

describe('command palette and the IME', () => {
  it('Enter runs the chosen command; a composing Enter does not', async () => {
    const ran = vi.fn();
    const onClose = vi.fn();
    render(<CommandPalette open onClose={onClose} commands={commands(ran)} />);
    const box = await screen.findByRole('combobox');
    chromiumConfirm(box, '設定');
    safariConfirm(box, '設定');
    await settle();
    expect(ran).not.toHaveBeenCalled();
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['前往：設定']);
    fireEvent.keyDown(box, { key: 'Enter', code: 'Enter', keyCode: 13 });
    expect(ran).toHaveBeenCalledWith('settings');
    expect(onClose).toHaveBeenCalled();
  });

  it('arrow keys move the choice, except while composing; English finds Chinese labels', async () => {
    const ran = vi.fn();
    render(<CommandPalette open onClose={() => {}} commands={commands(ran)} />);
    const box = await screen.findByRole('combobox');
    fireEvent.change(box, { target: { value: 'go' } });
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 229, isComposing: true });
    fireEvent.keyDown(box, { key: 'ArrowDown', keyCode: 40 });
    fireEvent.keyDown(box, { key: 'Enter', keyCode: 13 });
    expect(ran).toHaveBeenCalledWith('settings');
  });

  it('Esc closes, but not the Esc that cancels a composition', async () => {
    const onClose = vi.fn();
    render(<CommandPalette open onClose={onClose} commands={commands(() => {})} />);
    const box = await screen.findByRole('combobox');
    fireEvent.keyDown(box, { key: 'Escape', keyCode: 229, isComposing: true });
    expect(onClose).not.toHaveBeenCalled();
    fireEvent.keyDown(box, { key: 'Escape', keyCode: 27 });
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

function Shortcuts({ palette, desk }: { palette: () => void; desk: () => void }) {
  useShortcuts([
    { code: 'KeyK', ctrl: true, run: palette },
    { code: 'KeyP', ctrl: true, shift: true, run: palette },
    { code: 'Digit1', alt: true, run: desk },
  ]);
  return <input aria-label="field" />;
}

describe('global shortcuts and the IME', () => {
  it('fire on their keys, from inside a field too', () => {
    const palette = vi.fn();
    const desk = vi.fn();
    render(<Shortcuts palette={palette} desk={desk} />);
    const field = screen.getByLabelText('field');
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true });
    fireEvent.keyDown(field, { key: 'P', code: 'KeyP', ctrlKey: true, shiftKey: true });
    fireEvent.keyDown(field, { key: '1', code: 'Digit1', altKey: true });
    expect(palette).toHaveBeenCalledTimes(2);
    expect(desk).toHaveBeenCalledTimes(1);
  });

  it('do not fire on a keystroke that belongs to a composition', async () => {
    const palette = vi.fn();
    const desk = vi.fn();
    render(<Shortcuts palette={palette} desk={desk} />);
    const field = screen.getByLabelText('field');
    fireEvent.compositionStart(field);
    fireEvent.keyDown(field, { key: 'k', code: 'KeyK', ctrlKey: true, isComposing: true, keyCode: 229 });
    fireEvent.keyDown(field, { key: '1', code: 'Digit1', altKey: true, keyCode: 229 });
    fireEvent.compositionEnd(field);
    fireEvent.keyDown(field, { key: '1', code: 'Digit1', altKey: true });
    await settle();
    expect(palette).not.toHaveBeenCalled();
    expect(desk).not.toHaveBeenCalled();
  });
});
