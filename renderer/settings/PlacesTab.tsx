/**
 * Settings › 場所: the place tree (site → building → floor → space) on the left, the
 * selected place's form on the right, with "add child", archive, delete and history.
 */
import { Alert, Button, Card, Empty, Flex, Input, Select, Space, Switch, Tag, Tree, Typography } from 'antd';
import { useMemo, useState, type Key } from 'react';
import { SPACE_KINDS } from '../../domain/entities';
import { nameOf, type MessageKey } from '../../domain/i18n';
import { useLocale, useT } from '../app/i18n';
import { ImportDialog } from '../components/ImportDialog';
import { allKeys, filterTree, nodeKey, parseNodeKey, placeKindPath, placeTree, type PlaceIndex, type PlaceKind, type PlaceNode } from '../app/places-logic';
import { useMayRun } from '../app/permissions';
import { RecordEditor, type EditorField } from '../components/RecordEditor';
import { useLoaded, usePlaces } from '../app/reference';

const CHILD: Record<PlaceKind, PlaceKind | null> = { site: 'building', building: 'floor', floor: 'space', space: null };
const PARENT_FIELD: Record<PlaceKind, string | null> = { site: null, building: 'siteId', floor: 'buildingId', space: 'floorId' };
const ADD_LABEL: Record<PlaceKind, MessageKey> = { site: 'places.addSite', building: 'places.addBuilding', floor: 'places.addFloor', space: 'places.addSpace' };

type Selection = { mode: 'edit'; kind: PlaceKind; id: string } | { mode: 'create'; kind: PlaceKind; parentId: string | null } | null;

export function PlacesTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const places = usePlaces();
  const loaded = useLoaded('site', 'building', 'floor', 'space');
  const [showArchived, setShowArchived] = useState(false);
  const [selection, setSelection] = useState<Selection>(null);
  const [expanded, setExpanded] = useState<Key[] | null>(null);
  const [importing, setImporting] = useState(false);
  const [search, setSearch] = useState('');
  const mayEdit = useMayRun('site.create');

  const tree = useMemo(() => filterTree(placeTree(places, locale, showArchived), search), [places, locale, showArchived, search]);
  // Until the user opens or closes a branch, sites and buildings stand open; a search opens all.
  const expandedKeys = search.trim() ? allKeys(tree) : (expanded ?? tree.flatMap((s) => [s.key, ...s.children.map((b) => b.key)]));
  const expandTo = (kind: PlaceKind, id: string) => setExpanded([...new Set([...expandedKeys, ...ancestorKeys(places, kind, id)])]);

  const selectedKey = selection?.mode === 'edit' ? nodeKey(selection.kind, selection.id) : null;
  const record = selection?.mode === 'edit' ? places[selection.kind].get(selection.id) : undefined;

  const toTreeData = (nodes: PlaceNode[]): object[] =>
    nodes.map((n) => ({
      key: n.key,
      title: n.archived ? (
        <Typography.Text type="secondary">
          {n.title} <Tag style={{ marginInlineStart: 4 }}>{t('common.archived')}</Tag>
        </Typography.Text>
      ) : (
        n.title
      ),
      children: toTreeData(n.children),
      isLeaf: n.kind === 'space',
    }));

  const afterSave = (kind: PlaceKind, id: string) => {
    setSelection({ mode: 'edit', kind, id });
    expandTo(kind, id);
  };

  const parentSelection = (kind: PlaceKind, id: string): Selection => {
    const parent = parentOf(places, kind, id);
    return parent ? { mode: 'edit', ...parent } : null;
  };

  return (
    <Flex gap={16} align="start" style={{ minHeight: 0 }}>
      <Card
        size="small"
        title={t('places.tree')}
        style={{ width: 360, flex: 'none' }}
        extra={
          <Space size={4}>
            <Typography.Text type="secondary">{t('common.showArchived')}</Typography.Text>
            <Switch size="small" checked={showArchived} onChange={setShowArchived} aria-label={t('common.showArchived')} />
          </Space>
        }
      >
        {mayEdit ? (
          <Space size={4} wrap style={{ marginBottom: 8 }}>
            <Button size="small" type="primary" onClick={() => setSelection({ mode: 'create', kind: 'site', parentId: null })}>
              {t('places.addSite')}
            </Button>
            <Button size="small" onClick={() => setImporting(true)}>
              {t('settings.importSpaces')}
            </Button>
          </Space>
        ) : (
          <Alert type="info" showIcon title={t('settings.readOnly')} style={{ marginBottom: 8 }} />
        )}
        <Input.Search size="small" allowClear placeholder={t('settings.places.search')} value={search} onChange={(e) => setSearch(e.target.value)} style={{ marginBottom: 8 }} />
        <div style={{ maxHeight: 'calc(100vh - 300px)', overflow: 'auto' }}>
          {!loaded ? (
            <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
          ) : tree.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(search.trim() ? 'settings.noMatch' : 'settings.places.empty')} />
          ) : (
            <Tree
              blockNode
              showLine
              treeData={toTreeData(tree) as never}
              expandedKeys={expandedKeys}
              onExpand={(keys) => {
                if (!search.trim()) setExpanded(keys);
              }}
              selectedKeys={selectedKey ? [selectedKey] : []}
              onSelect={(keys) => {
                const picked = keys[0] ? parseNodeKey(String(keys[0])) : null;
                if (picked) setSelection({ mode: 'edit', ...picked });
              }}
            />
          )}
        </div>
      </Card>

      <Card
        size="small"
        style={{ flex: 1, minWidth: 0 }}
        title={paneTitle(selection, places, locale, t)}
        extra={
          mayEdit &&
          selection?.mode === 'edit' &&
          CHILD[selection.kind] &&
          record &&
          !record.archived && (
            <Button size="small" onClick={() => setSelection({ mode: 'create', kind: CHILD[selection.kind]!, parentId: selection.id })}>
              {t(ADD_LABEL[CHILD[selection.kind]!])}
            </Button>
          )
        }
      >
        {selection === null || (selection.mode === 'edit' && !record) ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('places.selectHint')} />
        ) : selection.mode === 'edit' && record ? (
          <RecordEditor
            key={nodeKey(selection.kind, selection.id)}
            kind={selection.kind}
            record={record}
            fields={fieldsOf(selection.kind, places, locale, t, 'edit', record as unknown as Record<string, unknown>)}
            name={placeName(selection.kind, record, locale)}
            canDelete
            onSaved={(id) => afterSave(selection.kind, id)}
            onGone={(how) => {
              if (how === 'deleted' || !showArchived) setSelection(parentSelection(selection.kind, selection.id));
            }}
          />
        ) : selection.mode === 'create' ? (
          <RecordEditor
            key={`new:${selection.kind}:${selection.parentId ?? ''}`}
            kind={selection.kind}
            fields={fieldsOf(selection.kind, places, locale, t, 'create')}
            defaults={{ ...(PARENT_FIELD[selection.kind] ? { [PARENT_FIELD[selection.kind]!]: selection.parentId } : {}), ...(selection.kind === 'space' ? { kind: 'office' } : {}) }}
            name=""
            onSaved={(id) => afterSave(selection.kind, id)}
            onCancel={() => setSelection(selection.parentId && selection.kind !== 'site' ? { mode: 'edit', kind: parentKind(selection.kind)!, id: selection.parentId } : null)}
          />
        ) : null}
      </Card>
      <ImportDialog what="space" open={importing} onClose={() => setImporting(false)} />
    </Flex>
  );
}

function parentKind(kind: PlaceKind): PlaceKind | null {
  return kind === 'building' ? 'site' : kind === 'floor' ? 'building' : kind === 'space' ? 'floor' : null;
}

function parentOf(places: PlaceIndex, kind: PlaceKind, id: string): { kind: PlaceKind; id: string } | null {
  if (kind === 'building') return { kind: 'site', id: places.building.get(id)?.siteId ?? '' };
  if (kind === 'floor') return { kind: 'building', id: places.floor.get(id)?.buildingId ?? '' };
  if (kind === 'space') return { kind: 'floor', id: places.space.get(id)?.floorId ?? '' };
  return null;
}

function ancestorKeys(places: PlaceIndex, kind: PlaceKind, id: string): string[] {
  const keys: string[] = [];
  for (let at = parentOf(places, kind, id); at && at.id; at = parentOf(places, at.kind, at.id)) keys.push(nodeKey(at.kind, at.id));
  return keys;
}

function placeName(kind: PlaceKind, record: object, locale: 'zh-TW' | 'en'): string {
  return kind === 'floor' ? (record as { name: string }).name : nameOf(record as { nameZh: string; nameEn?: string }, locale);
}

function paneTitle(selection: Selection, places: PlaceIndex, locale: 'zh-TW' | 'en', t: ReturnType<typeof useT>) {
  if (!selection) return t('places.tree');
  if (selection.mode === 'create') {
    const parent = selection.parentId && parentKind(selection.kind) ? placeKindPath(places, parentKind(selection.kind)!, selection.parentId, locale) : '';
    return parent ? `${t(ADD_LABEL[selection.kind])}：${parent}` : t(ADD_LABEL[selection.kind]);
  }
  return (
    <Space size={8}>
      <Tag color="blue">{t(`places.${selection.kind}`)}</Tag>
      <span>{placeKindPath(places, selection.kind, selection.id, locale)}</span>
    </Space>
  );
}

/** The form of each kind of place; a parent field lets a place move within the tree. */
function fieldsOf(kind: PlaceKind, places: PlaceIndex, locale: 'zh-TW' | 'en', t: ReturnType<typeof useT>, mode: 'edit' | 'create', record?: Record<string, unknown>): EditorField[] {
  const parentChoice = (parent: PlaceKind, rows: readonly { id: string; archived: boolean }[]) =>
    rows
      .filter((r) => !r.archived || r.id === record?.[PARENT_FIELD[kind]!])
      .map((r) => ({ value: r.id, label: placeKindPath(places, parent, r.id, locale) }))
      .sort((a, b) => a.label.localeCompare(b.label, locale));
  const select = (options: { value: string; label: string }[]) => <Select showSearch={{ optionFilterProp: 'label' }} options={options} />;
  switch (kind) {
    case 'site':
      return [
        { name: 'code', type: 'text', required: true, max: 20 },
        { name: 'nameZh', type: 'text', required: true, max: 100 },
        { name: 'nameEn', type: 'text', max: 100, span: 24 },
        { name: 'address', type: 'text', max: 200, span: 24 },
      ];
    case 'building':
      return [
        { name: 'siteId', type: 'select', required: true, span: 24, input: select(parentChoice('site', places.sites)) },
        { name: 'code', type: 'text', required: true, max: 20 },
        { name: 'nameZh', type: 'text', required: true, max: 100 },
        { name: 'nameEn', type: 'text', max: 100, span: 24 },
      ];
    case 'floor':
      return [
        { name: 'buildingId', type: 'select', required: true, span: 24, input: select(parentChoice('building', places.buildings)) },
        { name: 'name', type: 'text', required: true, max: 20, help: t('settings.places.floorNameHelp') },
        { name: 'level', type: 'number', whenEmpty: 'omit', help: t(mode === 'create' ? 'settings.places.levelHelpNew' : 'settings.places.levelHelp') },
      ];
    case 'space':
      return [
        { name: 'floorId', type: 'select', required: true, span: 24, input: select(parentChoice('floor', places.floors)) },
        { name: 'code', type: 'text', max: 30 },
        { name: 'nameZh', type: 'text', required: true, max: 100 },
        { name: 'nameEn', type: 'text', max: 100 },
        { name: 'kind', type: 'select', required: true, input: <Select options={SPACE_KINDS.map((k) => ({ value: k, label: t(`spaceKind.${k}`) }))} /> },
        { name: 'capacity', type: 'number' },
      ];
  }
}
