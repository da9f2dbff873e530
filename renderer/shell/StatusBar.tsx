/** The bottom line: connection, writes waiting to sync, last sync, items needing attention. */
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Divider, Flex, Progress, Tooltip, Typography, theme } from 'antd';
import type { CSSProperties } from 'react';
import type { StatusView } from '../../domain/api';
import { formatInstant } from '../../domain/dates';
import { NUMBER_PREFIXES } from '../../domain/numbering';
import { useLocale, useT } from '../app/i18n';
import { useShell } from '../app/store';

const CONNECTION_BADGE: Record<StatusView['connection'], 'default' | 'success' | 'warning' | 'processing'> = {
  standalone: 'default',
  online: 'success',
  offline: 'warning',
  syncing: 'processing',
};

/**
 * Writes waiting for the server. A standalone workstation has no server to wait for (its
 * outbox holds every change it ever made, sent only if it joins one): a neutral note,
 * not a warning count.
 */
function PendingWrites({ status, style }: { status: StatusView; style: CSSProperties }) {
  const t = useT();
  if (status.connection === 'standalone') {
    return (
      <Typography.Text style={style} type="secondary">
        {t('status.standaloneLocal')}
      </Typography.Text>
    );
  }
  return (
    <Typography.Text style={style} type={status.pending > 0 ? 'warning' : 'secondary'}>
      {status.pending > 0 ? t('status.pending', { count: status.pending }) : t('status.pendingNone')}
    </Typography.Text>
  );
}

/** A downloading, ready or refused update (Electron only); nothing otherwise. */
function UpdateNote({ style }: { style: CSSProperties }) {
  const t = useT();
  const update = useShell((s) => s.update);
  const agree = useShell((s) => s.agreeUpdate);
  if (!update || update.state === 'unsupported' || update.state === 'idle') return null;
  let body;
  if (update.state === 'downloading') {
    body = (
      <>
        <Progress percent={update.percent} showInfo={false} size="small" style={{ width: 80, margin: 0 }} />
        <Typography.Text style={{ ...style, marginLeft: 8 }}>{t('electron.update.downloading', { version: update.version, percent: update.percent })}</Typography.Text>
      </>
    );
  } else if (update.state === 'refused') {
    body = (
      <Typography.Text style={style} type="danger">
        {t('electron.update.refused', { version: update.version })}
      </Typography.Text>
    );
  } else if (update.agreed) {
    body = <Typography.Text style={style}>{t('electron.update.agreed', { version: update.version })}</Typography.Text>;
  } else {
    body = (
      <>
        <Typography.Text style={style}>{t('electron.update.ready', { version: update.version })}</Typography.Text>
        <Button type="link" size="small" style={style} onClick={() => void agree(update.version)}>
          {t('electron.update.agree')}
        </Button>
      </>
    );
  }
  return (
    <>
      <Divider orientation="vertical" />
      {body}
    </>
  );
}

export function StatusBar() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { token } = theme.useToken();
  const status = useShell((s) => s.status);
  const version = useShell((s) => s.info?.version);
  const openAttention = useShell((s) => s.setAttentionOpen);
  if (!status) return <footer style={{ height: 28 }} />;

  const small = { fontSize: token.fontSizeSM };
  return (
    <Flex
      component="footer"
      align="center"
      gap={0}
      role="status"
      aria-label={t('shell.status.connection')}
      style={{
        height: 28,
        flex: 'none',
        padding: '0 12px',
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        background: token.colorBgContainer,
        whiteSpace: 'nowrap',
        overflow: 'hidden',
        ...small,
      }}
    >
      <Badge status={CONNECTION_BADGE[status.connection]} text={<span style={small}>{t(`status.${status.connection}`)}</span>} />
      <Divider orientation="vertical" />
      <PendingWrites status={status} style={small} />
      {status.connection !== 'standalone' && (
        <>
          <Divider orientation="vertical" />
          <Typography.Text style={small} type="secondary">
            {status.lastSyncAt ? t('status.lastSync', { time: formatInstant(status.lastSyncAt, locale) }) : t('shell.status.neverSynced')}
          </Typography.Text>
        </>
      )}
      {status.progress && (
        <>
          <Divider orientation="vertical" />
          <Progress percent={100} status="active" showInfo={false} size="small" style={{ width: 80, margin: 0 }} />
          <Typography.Text style={{ ...small, marginLeft: 8 }}>{t(status.progress.resync ? 'sync.resyncProgress' : 'sync.progress', { count: status.progress.received })}</Typography.Text>
        </>
      )}
      {status.numbersLow.length > 0 && (
        <>
          <Divider orientation="vertical" />
          <Typography.Text style={small} type="warning">
            {t('sync.numbersLow', { kind: status.numbersLow.map((k) => NUMBER_PREFIXES[k]).join('、') })}
          </Typography.Text>
        </>
      )}
      {status.lastError && (
        <>
          <Divider orientation="vertical" />
          <Tooltip title={status.lastError}>
            <Typography.Text style={{ ...small, minWidth: 0 }} type="danger" ellipsis>
              {t('shell.status.lastError', { message: status.lastError })}
            </Typography.Text>
          </Tooltip>
        </>
      )}
      <UpdateNote style={small} />
      <div style={{ flex: 1 }} />
      <Button type="text" size="small" icon={<BellOutlined />} danger={status.needsAttention > 0} onClick={() => openAttention(true)} style={small}>
        {status.needsAttention > 0 ? t('status.needsAttention', { count: status.needsAttention }) : t('shell.status.attentionNone')}
      </Button>
      {version && (
        <>
          <Divider orientation="vertical" />
          <Typography.Text style={small} type="secondary">
            {t('palette.hint')}
          </Typography.Text>
          <Divider orientation="vertical" />
          <Tooltip title={t('shell.general.version')}>
            <Typography.Text style={small} type="secondary">
              {version}
            </Typography.Text>
          </Tooltip>
        </>
      )}
    </Flex>
  );
}
