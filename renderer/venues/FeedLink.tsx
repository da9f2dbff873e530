/**
 * The address Outlook subscribes to for a venue's or an applying agency's bookings: the
 * sync server's LAN feed, with its read-only key, in two forms with a copy button each:
 * the webcal:// one that Outlook and Apple Calendar open with a click (in an e-mail, say),
 * and the http(s):// one to paste into any other calendar program. A workstation that
 * has joined no server says so and points to the .ics export.
 */
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Space, Spin, Typography } from 'antd';
import { useRef } from 'react';
import { useApiRead } from '../app/hooks';
import { useT } from '../app/i18n';
import { webcalAddress } from '../../domain/venues/ical-feed';

export function FeedLink({ venueId, agencyId }: { venueId?: string; agencyId?: string }) {
  const t = useT();
  const feed = useApiRead('venues.feedLink', venueId ? { venueId } : { agencyId });
  // Still asking, or no address (a failed read is shown as a standalone workstation).
  const url = feed.loading ? undefined : feed.error ? null : (feed.data?.url ?? null);

  if (url === undefined) return <Spin size="small" />;
  if (url === null) return <Typography.Text type="secondary">{t('venues.ui.feed.standalone')}</Typography.Text>;

  const webcal = webcalAddress(url);
  return (
    <Flex vertical gap={4} data-testid="feed-link">
      {webcal && <AddressRow label={t('venues.ui.feed.webcal')} address={webcal} />}
      <AddressRow label={webcal ? t('venues.ui.feed.http') : t('venues.ui.feed.title')} address={url} />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('venues.ui.feed.hint')}
      </Typography.Text>
    </Flex>
  );
}

/** One form of the address, named, read-only and selected on focus, with its copy button. */
function AddressRow({ label, address }: { label: string; address: string }) {
  const t = useT();
  const { message } = App.useApp();
  const box = useRef<HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(address);
      void message.success(t('venues.ui.feed.copied'));
    } catch {
      // No clipboard for this page: the address is selected for Ctrl+C.
      box.current?.select();
    }
  };
  return (
    <Flex vertical gap={2}>
      <Typography.Text style={{ fontSize: 12 }}>{label}</Typography.Text>
      <Space.Compact style={{ width: '100%' }}>
        <Input ref={(el) => void (box.current = el?.input ?? null)} readOnly value={address} aria-label={label} onFocus={(e) => e.target.select()} style={{ fontFamily: 'monospace', fontSize: 12 }} />
        <Button icon={<CopyOutlined />} onClick={() => void copy()} aria-label={`${t('venues.ui.feed.copy')} ${label}`}>
          {t('venues.ui.feed.copy')}
        </Button>
      </Space.Compact>
    </Flex>
  );
}
