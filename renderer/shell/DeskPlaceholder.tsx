/** A desk that is not built yet: says so plainly, with no made-up data. */
import { Empty, Typography } from 'antd';
import type { DeskEntry } from '../app/desks';
import { useT } from '../app/i18n';

export function DeskPlaceholder({ desk }: { desk: DeskEntry }) {
  const t = useT();
  return (
    <div style={{ height: '100%', display: 'flex' }}>
      <Empty
        style={{ margin: 'auto' }}
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={5} style={{ marginBottom: 4 }}>
              {t('nav.placeholder.title', { desk: t(desk.label) })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('nav.placeholder.body')}</Typography.Text>
          </>
        }
      />
    </div>
  );
}
