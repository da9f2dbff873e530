/**
 * Writing reference data: every change is a named mutation; archive and delete ask first,
 * an archive can be undone from its success message, and a refusal shows the backend's
 * own message (e.g. "referred to by other records").
 */
import { App, Button, Space } from 'antd';
import type { Entities, Kind } from '../../domain/entities';
import { useT } from '../app/i18n';
import { mutate, recordMutation } from '../app/mutate';

/** The kinds with archive / restore / delete mutations: every kind whose records can be archived. */
export type ArchivableKind = { [K in Kind]: Entities[K] extends { archived: boolean } ? K : never }[Kind];

export function useRecordActions() {
  const { message, modal } = App.useApp();
  const t = useT();

  const restore = async (kind: ArchivableKind, id: string, name: string) => {
    const result = await mutate(recordMutation(kind, 'restore'), { id });
    if (result.ok) void message.success(t('settings.restored', { name }));
    else modal.error({ title: result.message });
    return result.ok;
  };

  const archive = (kind: ArchivableKind, id: string, name: string, onDone?: () => void) =>
    modal.confirm({
      title: t('common.confirmArchive', { name }),
      okText: t('common.archive'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await mutate(recordMutation(kind, 'archive'), { id });
        if (!result.ok) {
          modal.error({ title: result.message });
          return;
        }
        onDone?.();
        const key = `archived:${id}`;
        void message.success({
          key,
          duration: 8,
          content: (
            <Space size={4}>
              {t('settings.archivedDone', { name })}
              <Button
                size="small"
                type="link"
                onClick={() => {
                  message.destroy(key);
                  void restore(kind, id, name);
                }}
              >
                {t('common.undo')}
              </Button>
            </Space>
          ),
        });
      },
    });

  const remove = (kind: ArchivableKind, id: string, name: string, onDone?: () => void) =>
    modal.confirm({
      title: t('common.confirmDelete', { name }),
      okText: t('common.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await mutate(recordMutation(kind, 'delete'), { id });
        if (!result.ok) {
          modal.error({ title: result.message });
          return;
        }
        onDone?.();
        void message.success(t('settings.deleted', { name }));
      },
    });

  return { archive, restore, remove };
}
