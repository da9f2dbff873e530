import './testing/jsdom';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useLocale } from '../app/i18n';
import { Form } from 'antd';
import { KeyboardForm } from './KeyboardForm';
import { RocDate } from './RocDate';
import { RocDatePicker } from './RocDatePicker';
import { toDateFnsFormat } from './dateConfig';

function Field({ initial, onChange }: { initial: string | null; onChange?: (v: string | null) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <RocDatePicker
        aria-label="date"
        value={value}
        onChange={(v) => {
          setValue(v);
          onChange?.(v);
        }}
      />
      <output>{value ?? ''}</output>
    </>
  );
}

const input = () => screen.getByLabelText('date') as HTMLInputElement;

async function typeAndLeave(text: string) {
  const el = input();
  fireEvent.focus(el);
  fireEvent.mouseDown(el);
  fireEvent.change(el, { target: { value: text } });
  fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(el);
  await act(() => new Promise((r) => setTimeout(r, 20)));
}

afterEach(() => act(() => useLocale.getState().setLocale('zh-TW')));

describe('RocDatePicker in zh-TW', () => {
  it('shows a business date as an ROC date', () => {
    render(<Field initial="2022-01-31" />);
    expect(input().value).toBe('111/01/31');
  });

  it.each(['1110131', '111/1/31', '111.1.31', '111年1月31日', '2022-01-31'])('accepts the typed %s as 2022-01-31', async (typed) => {
    const onChange = vi.fn();
    render(<Field initial={null} onChange={onChange} />);
    await typeAndLeave(typed);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('2022-01-31'));
    expect(onChange).toHaveBeenLastCalledWith('2022-01-31');
    expect(input().value).toBe('111/01/31');
  });

  it('refuses text that is not a real date and keeps the value it had', async () => {
    const onChange = vi.fn();
    render(<Field initial="2022-01-31" onChange={onChange} />);
    await typeAndLeave('1110230');
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByRole('status').textContent).toBe('2022-01-31');
    expect(input().value).toBe('111/01/31');
  });

  it("the calendar's header reads 民國111年 and its year list shows ROC years", async () => {
    render(<Field initial="2022-01-31" />);
    fireEvent.mouseDown(input());
    fireEvent.click(input());
    const year = await screen.findByText('民國111年');
    fireEvent.click(year);
    await screen.findByTitle('111');
    expect(screen.getByText('111').closest('td')).not.toBeNull();
  });
});

describe('RocDatePicker in a KeyboardForm', () => {
  it('Enter after typing a date takes the date; the next Enter submits the form with it', async () => {
    const onSubmit = vi.fn();
    render(
      <KeyboardForm onSubmit={onSubmit}>
        <Form.Item name="day" label="day">
          <RocDatePicker aria-label="date" />
        </Form.Item>
      </KeyboardForm>,
    );
    const el = input();
    fireEvent.focus(el);
    fireEvent.mouseDown(el);
    fireEvent.change(el, { target: { value: '111.2.3' } });
    expect(el.getAttribute('aria-expanded')).toBe('true');
    // Cancelled, so the browser's implicit submit (via a submit button) cannot fire either.
    expect(fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13 })).toBe(false);
    await act(() => new Promise((r) => setTimeout(r, 30)));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(el.value).toBe('111/02/03');
    fireEvent.keyDown(el, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(onSubmit).toHaveBeenCalledWith({ day: '2022-02-03' }));
  });
});

describe('RocDatePicker in English', () => {
  it('shows and accepts Gregorian dates', async () => {
    act(() => useLocale.getState().setLocale('en'));
    const onChange = vi.fn();
    render(<Field initial="2022-01-31" onChange={onChange} />);
    expect(input().value).toBe('2022-01-31');
    await typeAndLeave('2023-02-28');
    expect(onChange).toHaveBeenLastCalledWith('2023-02-28');
    expect(input().value).toBe('2023-02-28');
  });
});

describe('RocDate', () => {
  it('writes dates and instants in the user’s calendar', () => {
    const { rerender } = render(<RocDate date="2022-01-31" />);
    expect(screen.getByText('111/01/31')).toBeTruthy();
    rerender(<RocDate date="2022-01-31" style="long" />);
    expect(screen.getByText('111年1月31日')).toBeTruthy();
    rerender(<RocDate instant="2022-01-31T06:05:00.000Z" />);
    expect(screen.getByText('111/01/31 14:05')).toBeTruthy();
    act(() => useLocale.getState().setLocale('en'));
    expect(screen.getByText('2022-01-31 14:05')).toBeTruthy();
  });
});

describe('picker formats', () => {
  it('translate the picker tokens to date-fns, with literals and ROC years', () => {
    expect(toDateFnsFormat('YYYY-MM-DD')).toBe("yyyy'-'MM'-'dd");
    expect(toDateFnsFormat('[民國]YYYY[年]', () => '111')).toBe("'民國111年'");
    expect(toDateFnsFormat('YYYY/MM/DD', () => '111')).toBe("'111/'MM'/'dd");
    expect(toDateFnsFormat("[Q]Q [o'clock] dd")).toBe("'Q'Q' o''clock 'EEEEEE");
  });
});
