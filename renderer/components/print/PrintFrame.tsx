/**
 * The frame of every printout (派工單, 場地使用核准通知; next the parking permit and the
 * dispatch slip): on screen an A4 sheet over the desk with 列印 and 關閉 (Esc closes it too,
 * and the focus goes back where it was); in print only the sheet, on A4 with 15 mm margins
 * (print.css). The desk gives the sheet's content and styles that content itself; the sheet
 * grows with it, so a printout that must stay on one page limits its own height. A printout
 * of several pages (a batch of permit cards) gives them as `pages`: one sheet each, each
 * starting a new printed page.
 */
import { Alert, Button, Spin } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../app/i18n';
import { isComposing } from '../ime';
import './print.css';

export interface PrintFrameProps {
  /** The dialog's name: the printout's title. */
  label: string;
  /** Whether the content is there: until then a spinner stands in for it and 列印 waits. */
  ready: boolean;
  /** Why the content could not be had, in the user's words; shown instead of it. */
  error?: string | null;
  onClose(): void;
  /** What goes on the sheet; rendered only once ready. */
  children?: ReactNode;
  /** Instead of children: one sheet per page, each printed on a page of its own. */
  pages?: ReactNode[];
}

export function PrintFrame({ label, ready, error, onClose, children, pages }: PrintFrameProps) {
  const t = useT();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !isComposing(e)) onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  // What had the focus (the button that opened it), read before 關閉 takes it; it gets it back once the frame has gone.
  const [before] = useState(() => (document.activeElement instanceof HTMLElement ? document.activeElement : null));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const frame = root.current;
    return () => {
      if (!frame?.isConnected && before?.isConnected) before.focus({ preventScroll: true });
    };
  }, [before]);

  return createPortal(
    <div ref={root} className="pf-root" role="dialog" aria-modal="true" aria-label={label}>
      <div className="pf-toolbar">
        <Button type="primary" onClick={() => window.print()} disabled={!ready || !!error}>
          {t('common.print')}
        </Button>
        <Button onClick={onClose} autoFocus>
          {t('common.close')}
        </Button>
      </div>
      {error ? (
        <Alert type="error" showIcon title={error} className="pf-message" />
      ) : !ready ? (
        <Spin className="pf-message" />
      ) : pages ? (
        pages.map((page, i) => (
          <div key={i} className="pf-sheet">
            {page}
          </div>
        ))
      ) : (
        <div className="pf-sheet">{children}</div>
      )}
    </div>,
    document.body,
  );
}
