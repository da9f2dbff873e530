/**
 * Files kept with a record (a repair ticket's photos, a booking's scanned letter): the
 * file goes into the workstation's store at once (attachments.put) and the record holds
 * its {sha256, name, size, type}; sync uploads the bytes before the change that refers to
 * them. One field for forms (names as removable tags, an attach button) and one list for
 * details (names that download the file), for every desk.
 */
import { PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Tag, Typography, Upload } from 'antd';
import { MAX_ATTACHMENT_BYTES, type Attachment } from '../../domain/attachments';
import { api } from '../app/api';
import { useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { downloadBase64, readAsBase64 } from '../app/files';

const megabytes = (bytes: number) => (Math.ceil((bytes / 1024 / 1024) * 10) / 10).toFixed(1);

/** Puts a picked file into the workstation's store; says why not (too large, empty) and gives null. */
export function useAttachFile(): (file: File) => Promise<Attachment | null> {
  const t = useT();
  const { message } = App.useApp();
  return async (file) => {
    if (file.size > MAX_ATTACHMENT_BYTES) {
      void message.error(t('attachments.error.tooLarge', { name: file.name, size: megabytes(file.size), max: String(MAX_ATTACHMENT_BYTES / 1024 / 1024) }));
      return null;
    }
    try {
      const r = await api.call('attachments.put', { name: file.name, type: file.type, dataBase64: await readAsBase64(file) });
      if (r.ok) return r.attachment;
      void message.error(r.message);
    } catch (e) {
      void message.error(errorMessage(e));
    }
    return null;
  };
}

/** Saves an attachment from the workstation's store as a file; says so when it has not arrived yet. */
export function useOpenAttachment(): (a: Attachment) => Promise<void> {
  const t = useT();
  const { message } = App.useApp();
  return async (a) => {
    const r = await api.call('attachments.get', { sha256: a.sha256 });
    if (r) downloadBase64(r.dataBase64, a.name, a.type || 'application/octet-stream');
    else void message.error(t('attachments.missing'));
  };
}

/** 加入附件: picks files (several at once) and hands each one over once it is in the store. */
export function AttachButton({ onAttached, size, tabIndex }: { onAttached(a: Attachment): void; size?: 'small' | 'middle'; tabIndex?: number }) {
  const t = useT();
  const attach = useAttachFile();
  const add = async (file: File) => {
    const a = await attach(file);
    if (a) onAttached(a);
    // The file is in the store already; the upload list has nothing to send.
    return false;
  };
  return (
    <Upload multiple showUploadList={false} beforeUpload={(file) => add(file)}>
      <Button size={size} icon={<PaperClipOutlined />} tabIndex={tabIndex}>
        {t('attachments.attach')}
      </Button>
    </Upload>
  );
}

/** A form's attachments (use as a Form.Item child, or with value and onChange). */
export function AttachmentField({ value = [], onChange, hint = true, id }: { value?: Attachment[]; onChange?: (next: Attachment[]) => void; hint?: boolean; id?: string }) {
  const t = useT();
  // Several files picked at once arrive one by one: each adds to what is there by then.
  let current = value;
  const added = (a: Attachment) => {
    if (current.some((x) => x.sha256 === a.sha256)) return;
    current = [...current, a];
    onChange?.(current);
  };
  return (
    <Space wrap id={id}>
      {value.map((a) => (
        <Tag key={a.sha256} icon={<PaperClipOutlined />} closable onClose={() => onChange?.(value.filter((x) => x.sha256 !== a.sha256))}>
          {a.name}
        </Tag>
      ))}
      {/* Out of the Tab order: a keyboard form goes from field to field, the mouse attaches. */}
      <AttachButton size="small" tabIndex={-1} onAttached={added} />
      {hint && <Typography.Text type="secondary">{t('attachments.hint')}</Typography.Text>}
    </Space>
  );
}

/** A record's attachments as names that save the file, with their sizes. */
export function AttachmentLinks({ attachments }: { attachments: readonly Attachment[] }) {
  const t = useT();
  const open = useOpenAttachment();
  if (attachments.length === 0) return <Typography.Text type="secondary">{t('attachments.none')}</Typography.Text>;
  return (
    <Flex vertical gap={2}>
      {attachments.map((a) => (
        <Space key={a.sha256} size={6}>
          <PaperClipOutlined />
          <Typography.Link onClick={() => void open(a)}>{a.name}</Typography.Link>
          <Typography.Text type="secondary">{t('attachments.size', { kb: Math.max(1, Math.round(a.size / 1024)) })}</Typography.Text>
        </Space>
      ))}
    </Flex>
  );
}
