/**
 * The address Outlook subscribes to for a venue's or an applying agency's bookings: the
 * sync server's LAN feed, with its read-only key, and a button that copies it. A
 * workstation that has joined no server says so and points to the .ics export.
 */
import { CopyOutlined } from '@ant-design/icons';
import { App, Button, Flex, Input, Space, Spin, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../app/api';
import { useT } from '../app/i18n';

export function FeedLink({ venueId, agencyId }: { venueId?: string; agencyId?: string }) {
  const t = useT();
  const { message } = App.useApp();
  const [url, setUrl] = useState<string | null | undefined>(undefined);
  const box = useRef<HTMLInputElement>(null);

  useEffect(() => {
    let live = true;
    setUrl(undefined);
    api.call('venues.feedLink', venueId ? { venueId } : { agencyId }).then(
      (r) => live && setUrl(r.url),
      () => live && setUrl(null),
    );
    return () => {
      live = false;
    };
  }, [venueId, agencyId]);

  if (url === undefined) return <Spin size="small" />;
  if (url === null) return <Typography.Text type="secondary">{t('venues.ui.feed.standalone')}</Typography.Text>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      void message.success(t('venues.ui.feed.copied'));
    } catch {
      // No clipboard for this page: the address is selected for Ctrl+C.
      box.current?.select();
    }
  };
  return (
    <Flex vertical gap={4} data-testid="feed-link">
      <Space.Compact style={{ width: '100%' }}>
        <Input
          ref={(el) => void (box.current = el?.input ?? null)}
          readOnly
          value={url}
          aria-label={t('venues.ui.feed.title')}
          onFocus={(e) => e.target.select()}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
        />
        <Button icon={<CopyOutlined />} onClick={() => void copy()}>
          {t('venues.ui.feed.copy')}
        </Button>
      </Space.Compact>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('venues.ui.feed.hint')}
      </Typography.Text>
    </Flex>
  );
}
