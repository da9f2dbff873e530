/** A desk that is not built yet: says so plainly, with no made-up data. */
import { Empty, Typography } from 'antd';
import type { Desk } from '../app/desks';
import { DESK_LABEL } from '../app/desks';
import { useT } from '../app/i18n';

export function DeskPlaceholder({ desk }: { desk: Desk }) {
  const t = useT();
  return (
    <div style={{ height: '100%', display: 'flex' }}>
      <Empty
        style={{ margin: 'auto' }}
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <>
            <Typography.Title level={5} style={{ marginBottom: 4 }}>
              {t('nav.placeholder.title', { desk: t(DESK_LABEL[desk]) })}
            </Typography.Title>
            <Typography.Text type="secondary">{t('nav.placeholder.body')}</Typography.Text>
          </>
        }
      />
    </div>
  );
}
