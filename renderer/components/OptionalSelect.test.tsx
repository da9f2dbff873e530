import './testing/jsdom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { Button, Form } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../domain/i18n';
import { KeyboardForm } from './KeyboardForm';
import { OptionalSelect } from './OptionalSelect';

const PEOPLE = [
  { value: 'p1', label: '林志明' },
  { value: 'p2', label: '陳美玲' },
];

function PersonForm({ initial, onSubmit }: { initial: string | null; onSubmit(v: { personId: string | null }): void }) {
  return (
    <KeyboardForm<{ personId: string | null }> initialValues={{ personId: initial }} onSubmit={onSubmit} autoFocusFirst={false}>
      <Form.Item name="personId" label="person">
        <OptionalSelect aria-label="person" showSearch={{ optionFilterProp: 'label' }} options={PEOPLE} />
      </Form.Item>
      <Button htmlType="submit">save</Button>
    </KeyboardForm>
  );
}

const input = () => screen.getByLabelText('person') as HTMLInputElement;
const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

const submitSpy = vi.fn<(v: { personId: string | null }) => void>();

/** Saves the form and gives what it saved. */
async function submitted(): Promise<{ personId: string | null }> {
  submitSpy.mockClear();
  fireEvent.click(screen.getByRole('button', { name: 'save' }));
  await waitFor(() => expect(submitSpy).toHaveBeenCalled());
  return submitSpy.mock.calls.at(-1)![0];
}

describe('an optional pick in a keyboard form', () => {
  it('has no clear button to Tab to: the save button comes right after the picker', () => {
    render(<PersonForm initial="p1" onSubmit={submitSpy} />);
    expect(document.querySelector('.ant-select-clear')).toBeNull();
    const stops = [...document.querySelectorAll<HTMLElement>('input, button, [tabindex]')].filter((el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled);
    expect(stops.map((el) => el.getAttribute('aria-label') ?? el.textContent)).toEqual(['person', 'save']);
  });

  it('Backspace with nothing typed takes the pick off; with text typed it only edits the text', async () => {
    render(<PersonForm initial="p1" onSubmit={submitSpy} />);
    fireEvent.change(input(), { target: { value: '陳' } });
    fireEvent.keyDown(input(), { key: 'Backspace', code: 'Backspace', keyCode: 8 });
    await settle();
    expect(document.querySelector('.ant-select-content, .ant-select-selection-item')?.textContent).toContain('林志明');
    fireEvent.change(input(), { target: { value: '' } });
    fireEvent.keyDown(input(), { key: 'Delete', code: 'Delete', keyCode: 46 });
    await settle();
    expect(await submitted()).toEqual({ personId: null });
  });

  it('offers 不指定 first once something is picked, and picking it leaves the field empty', async () => {
    render(<PersonForm initial="p2" onSubmit={submitSpy} />);
    fireEvent.mouseDown(input());
    const none = await screen.findByTitle(translate('zh-TW', 'common.unset'));
    const titles = [...document.querySelectorAll('.ant-select-item-option')].map((el) => el.getAttribute('title'));
    expect(titles).toEqual([translate('zh-TW', 'common.unset'), '林志明', '陳美玲']);
    fireEvent.click(none);
    await settle();
    expect(await submitted()).toEqual({ personId: null });
    // Nothing picked: nothing to take off, so no 不指定 either.
    fireEvent.mouseDown(input());
    await screen.findAllByTitle('林志明');
    expect(screen.queryByTitle(translate('zh-TW', 'common.unset'))).toBeNull();
  });

  it('a pick is saved as its id', async () => {
    render(<PersonForm initial={null} onSubmit={submitSpy} />);
    fireEvent.mouseDown(input());
    fireEvent.click(await screen.findByTitle('陳美玲'));
    await settle();
    expect(await submitted()).toEqual({ personId: 'p2' });
  });
});
