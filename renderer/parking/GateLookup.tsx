/**
 * The gate lookup (門口查詢): one large field; as the guard types or pastes a plate, whole
 * or in part, in any case and spacing, the matching permits show at once with a clear
 * valid-today mark, the site, the area and the holder's agency. It reads the
 * workstation's own data, so it works offline. Nothing more personal is shown.
 */
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Alert, Card, Empty, Flex, Input, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { formatDate } from '../../domain/dates';
import { formatPlate, normalizePlate } from '../../domain/plates';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { useParkingDesk } from './store';

export function GateLookup() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const input = useRef<InputRef>(null);
  const [typed, setTyped] = useState('');
  const plate = normalizePlate(typed);
  const { data: found, error } = useApiRead('parking.gateLookup', plate ? { plate } : null, { reloadOn: ['permit', 'permitPlate'], keepPrevious: true });

  const gateCalls = useParkingDesk((s) => s.gateCalls);
  useEffect(() => input.current?.focus({ cursor: 'all' }), [gateCalls]);

  // While a longer plate is asked, the matches of the shorter one stay (they include its matches).
  const shown = plate ? found : undefined;
  return (
    <Flex vertical gap={16} className="pk-gate">
      <Input
        ref={input}
        size="large"
        className="pk-gate-input"
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && setTyped('')}
        placeholder={t('parking.ui.gate.placeholder')}
        aria-label={t('parking.ui.gate.label')}
        allowClear
        autoComplete="off"
        spellCheck={false}
      />
      {error && <Alert type="error" showIcon title={error} />}
      {!plate && <Typography.Text type="secondary">{t('parking.ui.gate.hint')}</Typography.Text>}
      {shown?.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('parking.ui.gate.none', { plate: formatPlate(plate) })} />}
      <Flex vertical gap={8} role="list" aria-label={t('parking.ui.gate.results')}>
        {shown?.map((m) => (
          <Card key={`${m.number}:${m.plate}`} size="small" role="listitem" className={m.validToday ? 'pk-match pk-match--valid' : 'pk-match pk-match--not'}>
            <Flex align="center" gap={16} wrap>
              <Typography.Text strong className="pk-plate">
                {formatPlate(m.plate)}
              </Typography.Text>
              {m.validToday ? (
                <Tag icon={<CheckCircleFilled />} color="success" className="pk-verdict">
                  {t('parking.ui.gate.valid')}
                </Tag>
              ) : (
                <Tag icon={<CloseCircleFilled />} color="error" className="pk-verdict">
                  {t(m.status === 'valid' ? 'parking.ui.gate.notToday' : `parking.status.${m.status}`)}
                </Tag>
              )}
              <Flex vertical>
                <Typography.Text>
                  {m.siteName}・{m.areaName}
                </Typography.Text>
                <Typography.Text type="secondary">
                  {t(`parking.type.${m.type}`)} {m.number}・{formatDate(m.validFrom, locale)}–{formatDate(m.validTo, locale)}
                  {m.agencyName ? `・${m.agencyName}` : ''}
                </Typography.Text>
              </Flex>
            </Flex>
          </Card>
        ))}
      </Flex>
    </Flex>
  );
}
