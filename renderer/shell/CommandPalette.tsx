/**
 * Ctrl+K / Ctrl+Shift+P: type part of a command in Chinese or English, ↑↓ to choose,
 * Enter to run, Esc to close. Arrow keys, Enter and Esc that belong to an IME
 * composition stay with the IME.
 */
import { Input, Modal, Typography, theme, type InputRef } from 'antd';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../app/i18n';
import { isComposing, isComposingEnter } from '../components/ime';
import { matchCommands, type Command } from './commands';

export interface CommandPaletteProps {
  open: boolean;
  onClose(): void;
  commands: readonly Command[];
}

export function CommandPalette({ open, onClose, commands }: CommandPaletteProps) {
  const t = useT();
  // The body is made afresh on each opening: empty query, first command chosen.
  return (
    <Modal open={open} onCancel={onClose} footer={null} closable={false} keyboard={false} width={560} destroyOnHidden title={t('palette.title')} styles={{ body: { paddingTop: 4 } }}>
      <PaletteBody onClose={onClose} commands={commands} />
    </Modal>
  );
}

function PaletteBody({ onClose, commands }: Omit<CommandPaletteProps, 'open'>) {
  const t = useT();
  const { token } = theme.useToken();
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const input = useRef<InputRef>(null);
  const list = useRef<HTMLDivElement>(null);
  const shown = useMemo(() => matchCommands(commands, query), [commands, query]);
  const active = Math.min(selected, Math.max(shown.length - 1, 0));

  useEffect(() => {
    const timer = setTimeout(() => input.current?.focus(), 0);
    return () => clearTimeout(timer);
  }, []);

  useEffect(() => {
    list.current?.querySelector<HTMLElement>('[aria-selected="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [active, shown]);

  const run = (command: Command | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (isComposingEnter(e) || isComposing(e)) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      if (shown.length) setSelected((active + step + shown.length) % shown.length);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      run(shown[active]);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <>
      <Input
        ref={input}
        value={query}
        placeholder={t('palette.placeholder')}
        onChange={(e) => {
          setQuery(e.target.value);
          setSelected(0);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-expanded
        aria-controls="command-palette-list"
        aria-activedescendant={shown[active] ? `command-${shown[active].id}` : undefined}
      />
      <div ref={list} id="command-palette-list" role="listbox" aria-label={t('palette.title')} style={{ maxHeight: 320, overflowY: 'auto', marginTop: 8 }}>
        {shown.length === 0 && (
          <Typography.Text type="secondary" style={{ display: 'block', padding: '12px 8px' }}>
            {t('palette.noMatch')}
          </Typography.Text>
        )}
        {shown.map((command, i) => (
          <div
            key={command.id}
            id={`command-${command.id}`}
            role="option"
            aria-selected={i === active}
            onMouseEnter={() => setSelected(i)}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(command)}
            style={{
              display: 'flex',
              justifyContent: 'space-between',
              gap: 12,
              padding: '6px 8px',
              borderRadius: token.borderRadius,
              cursor: 'pointer',
              background: i === active ? token.controlItemBgActive : undefined,
            }}
          >
            <span>{command.label}</span>
            {command.hint && (
              <Typography.Text type="secondary" keyboard>
                {command.hint}
              </Typography.Text>
            )}
          </div>
        ))}
      </div>
      <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: token.fontSizeSM }}>
        {t('shell.palette.keys')}
      </Typography.Text>
    </>
  );
}
