/** A record's form in a dialog, for the list screens. */
import { Modal } from 'antd';
import type { ReactNode } from 'react';

export function EditorModal({ open, title, onClose, children }: { open: boolean; title: ReactNode; onClose(): void; children: ReactNode }) {
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} width={720} destroyOnHidden keyboard={false} mask={{ closable: false }}>
      {children}
    </Modal>
  );
}
