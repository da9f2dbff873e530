/**
 * The form every screen uses: an antd Form that clerks can drive from the keyboard.
 *
 * - Enter submits (validation first, as a click on a submit button would), except:
 *   the Enter that confirms an IME candidate (see ime.ts), Enter in a textarea (a new
 *   line), Enter on a button or link (it presses that), and Enter in a field whose list
 *   or calendar is open (it picks the item or date; the next Enter submits).
 * - Esc calls `onCancel` (unless an IME composition or an open list takes it).
 * - The first field gets the focus when the form appears (`autoFocusFirst`).
 * - A second submit while `onSubmit`'s promise is still running is ignored.
 *
 * Props: everything antd's Form takes, plus
 *   onSubmit(values)   called with the validated values (instead of onFinish); may be async
 *   onCancel()         optional; Esc calls it
 *   autoFocusFirst     default true
 *   form               optional; a Form.useForm() instance when the caller needs one
 *
 *   <KeyboardForm layout="vertical" onSubmit={save} onCancel={close}>
 *     <Form.Item name="nameZh" label={t('field.nameZh')} rules={[{ required: true }]}><Input /></Form.Item>
 *     <Button type="primary" htmlType="submit">{t('common.save')}</Button>
 *   </KeyboardForm>
 */
import { Form, type FormInstance, type FormProps } from 'antd';
import { useEffect, useRef, type KeyboardEvent, type ReactNode, type SyntheticEvent } from 'react';
import { isComposing, isComposingEnter } from './ime';

export interface KeyboardFormProps<Values> extends Omit<FormProps<Values>, 'onFinish' | 'onSubmit' | 'children'> {
  onSubmit: (values: Values) => unknown;
  onCancel?: () => void;
  autoFocusFirst?: boolean;
  form?: FormInstance<Values>;
  children?: ReactNode;
}

const FOCUSABLE = 'input:not([type=hidden]):not([disabled]):not([readonly]), textarea:not([disabled]):not([readonly])';

/** Enter here does the element's own thing (new line, press, follow). */
function ownsEnter(target: HTMLElement): boolean {
  return !!target.closest('textarea, button, a, [role=button], [contenteditable=true]');
}

export function KeyboardForm<Values = Record<string, unknown>>({ onSubmit, onCancel, autoFocusFirst = true, form: given, children, ...rest }: KeyboardFormProps<Values>) {
  const [own] = Form.useForm<Values>();
  const form = given ?? own;
  const holder = useRef<HTMLDivElement>(null);
  const busy = useRef(false);
  const blockSubmit = useRef(false);

  useEffect(() => {
    if (!autoFocusFirst) return;
    // A modal's own focus handling runs after mount; focus once it has settled.
    const timer = setTimeout(() => holder.current?.querySelector<HTMLElement>(FOCUSABLE)?.focus(), 0);
    return () => clearTimeout(timer);
  }, [autoFocusFirst]);

  const onKeyDownCapture = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    if (isComposingEnter(e)) {
      // The browser's own "Enter submits" must not fire either (Safari sends this keydown
      // after compositionend, unmarked); the flag also stops a submit event it may raise.
      blockSubmit.current = true;
      setTimeout(() => {
        blockSubmit.current = false;
      }, 0);
      if (!e.nativeEvent.isComposing && e.nativeEvent.keyCode !== 229) e.preventDefault();
      return;
    }
    if (e.key === 'Escape') {
      if (isComposing(e) || target.getAttribute('aria-expanded') === 'true' || !onCancel) return;
      e.preventDefault();
      onCancel();
      return;
    }
    if (e.key !== 'Enter' || e.shiftKey || e.ctrlKey || e.altKey || e.metaKey || ownsEnter(target)) return;
    // From here on the browser's implicit submit never fires: we decide.
    e.preventDefault();
    // An open list or calendar picks with this Enter; the next one submits.
    if (target.getAttribute('aria-expanded') === 'true') return;
    // Keep a closed picker or select from opening on it, and send the form once.
    e.stopPropagation();
    form.submit();
  };

  const onSubmitCapture = (e: SyntheticEvent) => {
    if (!blockSubmit.current) return;
    e.preventDefault();
    e.stopPropagation();
  };

  const onFinish = async (values: Values) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await onSubmit(values);
    } finally {
      busy.current = false;
    }
  };

  return (
    <div ref={holder} className="keyboard-form">
      <Form<Values> {...rest} form={form} onFinish={onFinish} onKeyDownCapture={onKeyDownCapture} onSubmitCapture={onSubmitCapture}>
        {children}
      </Form>
    </div>
  );
}
