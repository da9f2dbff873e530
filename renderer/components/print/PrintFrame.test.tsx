import '../testing/jsdom';
import { fireEvent, render, screen } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../../domain/i18n';
import { PrintFrame } from './PrintFrame';

const zh = (key: 'common.print' | 'common.close') => translate('zh-TW', key);

function Desk({ ready = true, error }: { ready?: boolean; error?: string }) {
  const [open, setOpen] = useState(false);
  // As the app sets it: no space put between the two characters of 列印.
  return (
    <ConfigProvider button={{ autoInsertSpace: false }}>
      <button onClick={() => setOpen(true)}>open</button>
      {open && (
        <PrintFrame label="派工單" ready={ready} error={error} onClose={() => setOpen(false)}>
          {ready && <section aria-label="維-111-00042">sheet</section>}
        </PrintFrame>
      )}
    </ConfigProvider>
  );
}

describe('the print frame', () => {
  it('shows the sheet over the desk with 列印 and 關閉; Esc closes it and the focus goes back to the button that opened it', () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    render(<Desk />);
    const opener = screen.getByRole('button', { name: 'open' });
    opener.focus();
    fireEvent.click(opener);
    const dialog = screen.getByRole('dialog', { name: '派工單' });
    expect(dialog.parentElement).toBe(document.body);
    expect(screen.getByRole('region', { name: '維-111-00042' }).closest('.pf-sheet')).not.toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: zh('common.close') }));
    fireEvent.click(screen.getByRole('button', { name: zh('common.print') }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
    print.mockRestore();
  });

  it('waits for the content before 列印, and says why there is none', () => {
    const { unmount } = render(<Desk ready={false} />);
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    expect((screen.getByRole('button', { name: zh('common.print') }) as HTMLButtonElement).disabled).toBe(true);
    expect(document.querySelector('.pf-sheet')).toBeNull();
    unmount();
    render(<Desk ready={false} error="找不到這筆申請" />);
    fireEvent.click(screen.getByRole('button', { name: 'open' }));
    expect(screen.getByRole('alert').textContent).toContain('找不到這筆申請');
    expect((screen.getByRole('button', { name: zh('common.print') }) as HTMLButtonElement).disabled).toBe(true);
  });
});
