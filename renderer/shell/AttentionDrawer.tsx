/**
 * 待處理: writes the sync server refused. Each shows why, when, and what was typed; the
 * user corrects the typed values and sends it again, or discards it.
 */
import { Alert, App, Button, Card, Drawer, Empty, Flex, Form, Input, InputNumber, Popconfirm, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { AttentionItem } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import { hasMessage, type MessageKey } from '../../domain/i18n';
import { api } from '../app/api';
import { useApiRead } from '../app/hooks';
import { useLocale, useT, type T } from '../app/i18n';
import { errorMessage, useShell } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import type { DeskEntry } from '../app/desks';

/** 'site.create' → 新增園區, when the catalogs know both parts; else the name itself. */
export function mutationLabel(name: string, t: T): string {
  const [kind, op] = name.split('.');
  const opKey = `mutation.${op}`;
  const kindKey = `kind.${kind}`;
  if (hasMessage(opKey) && hasMessage(kindKey)) return t(opKey as MessageKey, { kind: t(kindKey as MessageKey) });
  return name;
}

function fieldLabel(name: string, t: T): string {
  const key = `field.${name}`;
  return hasMessage(key) ? t(key as MessageKey) : name;
}

type Args = Record<string, unknown>;

/** Plain text and number inputs can be corrected here; ids and lists are shown as they were. */
function editable(name: string, value: unknown): boolean {
  return (typeof value === 'string' || typeof value === 'number') && name !== 'id' && !name.endsWith('Id');
}

function shown(value: unknown, t: T): string {
  if (value === null || value === undefined || value === '') return t('common.none');
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function ItemCard({ item }: { item: AttentionItem }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const args: Args = item.args && typeof item.args === 'object' && !Array.isArray(item.args) ? (item.args as Args) : {};
  const [busy, setBusy] = useState<'resubmit' | 'discard' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const resubmit = async (edited: Args) => {
    setBusy('resubmit');
    setFailure(null);
    try {
      const result = await api.call('attention.resubmit', { id: item.id, args: { ...args, ...edited } });
      if (result.ok) message.success(t('shell.attention.resubmitted'));
      else setFailure(result.message);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const discard = async () => {
    setBusy('discard');
    try {
      const result = await api.call('attention.discard', { id: item.id });
      if (result.ok) message.success(t('shell.attention.discarded'));
      else setFailure(result.message);
    } catch (err) {
      setFailure(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const entries = Object.entries(args);
  return (
    <Card
      size="small"
      title={mutationLabel(item.name, t)}
      extra={<Typography.Text type="secondary">{t('shell.attention.refusedAt', { time: formatInstant(item.refusedAt, locale) })}</Typography.Text>}
    >
      <Alert type="warning" showIcon title={item.message} style={{ marginBottom: 12 }} />
      {failure && <Alert type="error" showIcon title={failure} style={{ marginBottom: 12 }} />}
      <Typography.Text type="secondary">{t('shell.attention.input')}</Typography.Text>
      <KeyboardForm<Args> layout="vertical" size="small" autoFocusFirst={false} initialValues={args} onSubmit={resubmit} style={{ marginTop: 8 }}>
        {entries.map(([name, value]) =>
          editable(name, value) ? (
            <Form.Item key={name} name={name} label={fieldLabel(name, t)} style={{ marginBottom: 8 }}>
              {typeof value === 'number' ? <InputNumber style={{ width: '100%' }} /> : <Input />}
            </Form.Item>
          ) : (
            <Form.Item key={name} label={fieldLabel(name, t)} style={{ marginBottom: 8 }}>
              <Typography.Text style={{ wordBreak: 'break-all' }}>{shown(value, t)}</Typography.Text>
            </Form.Item>
          ),
        )}
        <Flex gap={8} justify="flex-end">
          <Popconfirm title={t('shell.attention.confirmDiscard')} okText={t('shell.attention.discard')} cancelText={t('common.cancel')} onConfirm={discard}>
            <Button danger loading={busy === 'discard'} disabled={busy === 'resubmit'}>
              {t('shell.attention.discard')}
            </Button>
          </Popconfirm>
          <Button type="primary" htmlType="submit" loading={busy === 'resubmit'} disabled={busy === 'discard'}>
            {t('shell.attention.resubmit')}
          </Button>
        </Flex>
      </KeyboardForm>
    </Card>
  );
}

/** Something the user should know but need not redo: a printed number the server replaced. */
function NoticeCard({ item }: { item: AttentionItem }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const acknowledge = async () => {
    setBusy(true);
    await api.call('attention.discard', { id: item.id }).catch(() => undefined);
    setBusy(false);
  };
  return (
    <Card size="small">
      <Alert type="info" showIcon title={item.message} />
      <Flex justify="flex-end" style={{ marginTop: 8 }}>
        <Button type="primary" loading={busy} onClick={acknowledge}>
          {t('sync.acknowledge')}
        </Button>
      </Flex>
    </Card>
  );
}

export function AttentionDrawer({ desks }: { desks: readonly DeskEntry[] }) {
  const t = useT();
  const open = useShell((s) => s.attentionOpen);
  const setOpen = useShell((s) => s.setAttentionOpen);
  // The status count moves whenever an item comes or goes: reload then.
  const count = useShell((s) => s.status?.needsAttention ?? 0);
  const { data, error } = useApiRead('attention.list', {}, { enabled: open, alsoOn: [count] });
  const items = data ?? null;
  const cards = useMemo(() => desks.flatMap((d) => d.attention ?? []), [desks]);

  return (
    <Drawer title={t('shell.attention.title')} open={open} onClose={() => setOpen(false)} size={460}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {items === null && !error && <Spin style={{ display: 'block', margin: '24px auto' }} />}
      {items?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('shell.attention.empty')} />}
      <Flex vertical gap={12}>
        {items?.map((item) => {
          if (item.problem.code === 'sync.renumbered' || item.problem.code.startsWith('sync.resynced')) return <NoticeCard key={item.id} item={item} />;
          // A desk that knows how to redo its own refused write shows its card; any other gets the general one.
          const DeskCard = cards.find((c) => c.matches(item))?.Card;
          return DeskCard ? <DeskCard key={item.id} item={item} /> : <ItemCard key={item.id} item={item} />;
        })}
      </Flex>
    </Drawer>
  );
}
