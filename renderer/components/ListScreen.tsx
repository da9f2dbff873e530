/**
 * The list half of the agency, people and user screens: a search box, extra filters,
 * the archived switch, add and import buttons, and a dense table whose first column
 * opens the record (a link, so the keyboard reaches it too).
 */
import { Alert, Button, Empty, Flex, Input, Space, Switch, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState, type ReactNode } from 'react';
import { useT } from '../app/i18n';

interface Props<T extends { id: string; archived: boolean }> {
  rows: readonly T[];
  loaded: boolean;
  /** Whether a row holds the (lower-cased, trimmed) search text. */
  matches(row: T, needle: string): boolean;
  /** Further filters of the tab (a kind, an agency). */
  filter?(row: T): boolean;
  filters?: ReactNode;
  columns: ColumnsType<T>;
  /** The first column's text; clicking it opens the record. */
  title(row: T): string;
  titleHeader: string;
  titleWidth?: number;
  onOpen(row: T): void;
  addLabel: string;
  onAdd(): void;
  /** Whether the user may add and import (else the list is read-only, and says so). */
  mayEdit: boolean;
  buttons?: ReactNode;
  searchPlaceholder: string;
  emptyText: string;
  sort?(a: T, b: T): number;
}

export function ListScreen<T extends { id: string; archived: boolean }>(props: Props<T>) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [showArchived, setShowArchived] = useState(false);
  const { rows, matches, filter, sort } = props;

  const shown = useMemo(() => {
    const needle = search.trim().toLowerCase();
    const kept = rows.filter((r) => (showArchived || !r.archived) && (!filter || filter(r)) && (!needle || matches(r, needle)));
    return sort ? kept.sort(sort) : kept;
  }, [rows, search, showArchived, filter, matches, sort]);

  const columns: ColumnsType<T> = [
    {
      key: 'title',
      title: props.titleHeader,
      width: props.titleWidth,
      render: (_, row) => (
        <Space size={4}>
          <Typography.Link onClick={() => props.onOpen(row)} type={row.archived ? 'secondary' : undefined}>
            {props.title(row)}
          </Typography.Link>
          {row.archived && <Tag>{t('common.archived')}</Tag>}
        </Space>
      ),
    },
    ...props.columns,
  ];

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} wrap align="center">
        <Input.Search allowClear size="small" placeholder={props.searchPlaceholder} value={search} onChange={(e) => setSearch(e.target.value)} style={{ width: 260 }} />
        {props.filters}
        <Space size={4}>
          <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('common.showArchived')} />
          <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
        </Space>
        {props.mayEdit && (
          <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
            {props.buttons}
            <Button size="small" type="primary" onClick={props.onAdd}>
              {props.addLabel}
            </Button>
          </Flex>
        )}
      </Flex>
      {!props.mayEdit && <Alert type="info" showIcon title={t('settings.readOnly')} />}
      <Table<T>
        size="small"
        rowKey="id"
        loading={!props.loaded}
        dataSource={shown}
        columns={columns}
        scroll={{ y: 'calc(100vh - 330px)' }}
        pagination={{ pageSize: 50, size: 'small', showSizeChanger: false, showTotal: (total) => t('common.total', { count: total }) }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={search.trim() && rows.length > 0 ? t('settings.noMatch') : props.emptyText} /> }}
      />
    </Flex>
  );
}
