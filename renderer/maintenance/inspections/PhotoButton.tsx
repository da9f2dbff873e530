/**
 * Photos of a checklist item: a camera button adds one (kept in the attachment store
 * under its SHA-256, as a ticket's photos are), the count opens them.
 */
import { App, Badge, Button, Image, Modal, Space } from 'antd';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Attachment } from '../../../domain/attachments';
import { api } from '../../app/api';
import { useT } from '../../app/i18n';
import { errorMessage } from '../../app/store';

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Props {
  photos: Attachment[];
  onAdd(photos: Attachment[]): void;
  disabled?: boolean;
  icon: ReactNode;
}

export function PhotoButton({ photos, onAdd, disabled, icon }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [viewing, setViewing] = useState(false);

  const add = async (file: File) => {
    try {
      const r = await api.call('attachments.put', { name: file.name, type: file.type, dataBase64: await readBase64(file) });
      if (r.ok) onAdd([...photos, r.attachment]);
      else void message.error(r.message);
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  return (
    <>
      <Badge count={photos.length} size="small" onClick={() => photos.length > 0 && setViewing(true)} style={{ cursor: 'pointer' }}>
        <Button
          size="small"
          tabIndex={-1}
          icon={icon}
          disabled={disabled && photos.length === 0}
          onClick={() => (disabled ? setViewing(true) : input.current?.click())}
          aria-label={t('inspections.round.addPhoto')}
        />
      </Badge>
      <input
        ref={input}
        type="file"
        accept="image/*"
        hidden
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void add(file);
        }}
      />
      {viewing && <PhotoViewer photos={photos} onClose={() => setViewing(false)} />}
    </>
  );
}

function PhotoViewer({ photos, onClose }: { photos: Attachment[]; onClose(): void }) {
  const t = useT();
  const [urls, setUrls] = useState<Record<string, string>>({});
  useEffect(() => {
    let live = true;
    for (const p of photos) {
      void api.call('attachments.get', { sha256: p.sha256 }).then((r) => {
        if (live && r) setUrls((u) => ({ ...u, [p.sha256]: `data:${p.type || 'image/jpeg'};base64,${r.dataBase64}` }));
      });
    }
    return () => {
      live = false;
    };
  }, [photos]);
  return (
    <Modal open title={t('field.photos')} footer={null} onCancel={onClose} width={720}>
      <Space wrap>
        {photos.map((p) => (
          <Image key={p.sha256} width={200} src={urls[p.sha256]} alt={p.name} />
        ))}
      </Space>
    </Modal>
  );
}
