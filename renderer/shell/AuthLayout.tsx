/** The frame of the screens before the desks: first run, sign-in, lock. */
import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../app/i18n';

export function AuthLayout({ title, width = 400, children }: { title: ReactNode; width?: number; children: ReactNode }) {
  const t = useT();
  const { token } = theme.useToken();
  return (
    <div style={{ height: '100%', overflow: 'auto', display: 'flex', background: token.colorBgLayout }}>
      {/* margin:auto centres the card and still lets a short window scroll to its top */}
      <div style={{ margin: 'auto', padding: 24, width, maxWidth: '100%', boxSizing: 'content-box' }}>
        <Flex vertical align="center" style={{ marginBottom: 16 }}>
          <Typography.Title level={3} style={{ margin: 0, color: token.colorPrimary }}>
            {t('app.name')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </Flex>
        <Card title={title}>{children}</Card>
      </div>
    </div>
  );
}
