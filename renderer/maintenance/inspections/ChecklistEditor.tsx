/**
 * A plan's checklist: one line per item, added, removed and moved up or down. Each item
 * keeps a short id (c1, c2…) while its text is edited, so results recorded against it stay
 * attached. Works as a Form.Item child (value / onChange of ChecklistItem[]).
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Input, Typography } from 'antd';
import type { ChecklistItem } from '../../../domain/maintenance/inspections';
import { useT } from '../../app/i18n';

/** The next free id: c + one more than the highest number used. */
export function nextItemId(items: readonly ChecklistItem[]): string {
  const max = items.reduce((m, i) => Math.max(m, Number(/^c(\d+)$/.exec(i.id)?.[1] ?? 0)), 0);
  return `c${max + 1}`;
}

interface Props {
  value?: ChecklistItem[];
  onChange?: (value: ChecklistItem[]) => void;
  id?: string;
  disabled?: boolean;
}

export function ChecklistEditor({ value = [], onChange, id, disabled }: Props) {
  const t = useT();
  const change = (items: ChecklistItem[]) => onChange?.(items);
  const move = (i: number, by: number) => {
    const items = [...value];
    const [item] = items.splice(i, 1);
    items.splice(i + by, 0, item);
    change(items);
  };
  return (
    <Flex vertical gap={4} id={id}>
      {value.map((item, i) => (
        <Flex key={item.id} gap={4} align="center">
          <Typography.Text type="secondary" style={{ width: 24, textAlign: 'right' }}>
            {i + 1}.
          </Typography.Text>
          <Input
            size="small"
            value={item.text}
            maxLength={200}
            disabled={disabled}
            aria-label={t('inspections.plan.itemLabel', { n: i + 1 })}
            onChange={(e) => change(value.map((x) => (x.id === item.id ? { ...x, text: e.target.value } : x)))}
          />
          <Button size="small" type="text" icon={<ArrowUpOutlined />} disabled={disabled || i === 0} onClick={() => move(i, -1)} aria-label={t('inspections.plan.moveUp')} />
          <Button size="small" type="text" icon={<ArrowDownOutlined />} disabled={disabled || i === value.length - 1} onClick={() => move(i, 1)} aria-label={t('inspections.plan.moveDown')} />
          <Button
            size="small"
            type="text"
            danger
            icon={<DeleteOutlined />}
            disabled={disabled}
            onClick={() => change(value.filter((x) => x.id !== item.id))}
            aria-label={t('inspections.plan.removeItem')}
          />
        </Flex>
      ))}
      <Button size="small" type="dashed" icon={<PlusOutlined />} disabled={disabled} onClick={() => change([...value, { id: nextItemId(value), text: '' }])} style={{ alignSelf: 'flex-start' }}>
        {t('inspections.plan.addItem')}
      </Button>
    </Flex>
  );
}
