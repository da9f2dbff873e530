/**
 * The one import dialog of every list that imports (domain/imports: agencies, people,
 * spaces, permits, the fleet, drivers): choose an .xlsx or .ods, see every row with its
 * problems, then import all rows or only the valid ones. The template shows the columns.
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Checkbox, Modal, Result, Space, Table, Typography, Upload, theme } from 'antd';
import { useState } from 'react';
import type { ImportPreview, ImportRowView } from '../../domain/api';
import { importKind } from '../../domain/imports';
import { hasMessage } from '../../domain/i18n';
import { api } from '../app/api';
import { useT } from '../app/i18n';
import { errorMessage } from '../app/store';
import { downloadBase64, readAsBase64 } from '../app/files';
import { kindsTouchedBy } from '../app/mutate';
import { refreshReference } from '../app/reference';
import { useMayImport } from '../app/permissions';

/** What the import calls take: agency, person, space, permit, vehicle, driver. */
export type ImportWhat = string;

/** How a title names what is imported: the settings' plural (機關, people), else the record's kind. */
const titleWordOf = (what: ImportWhat) => {
  const key = `settings.import.what.${what}`;
  return hasMessage(key) ? key : importKind(what).label;
};

/** The import call takes at most this much base64 (about 10 MB of Excel). */
const MAX_BASE64 = 14_000_000;

interface Props {
  what: ImportWhat;
  open: boolean;
  onClose(): void;
}

type Stage = { step: 'choose' } | { step: 'preview'; fileName: string; fileBase64: string; preview: ImportPreview } | { step: 'done'; imported: number };

export function ImportDialog({ what, open, onClose }: Props) {
  const t = useT();
  const { token } = theme.useToken();
  const [stage, setStage] = useState<Stage>({ step: 'choose' });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [onlyValid, setOnlyValid] = useState(false);

  const close = () => {
    setStage({ step: 'choose' });
    setProblem(null);
    setOnlyValid(false);
    onClose();
  };

  const attempt = async (work: () => Promise<void>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (e) {
      setProblem(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const choose = (file: File) =>
    attempt(async () => {
      const fileBase64 = await readAsBase64(file);
      if (fileBase64.length > MAX_BASE64) {
        setProblem(t('settings.import.tooLarge'));
        return;
      }
      const result = await api.call('import.preview', { what, fileBase64 });
      if (!result.ok) {
        setProblem(result.message);
        return;
      }
      setOnlyValid(false);
      setStage({ step: 'preview', fileName: file.name, fileBase64, preview: result.preview });
    });

  const template = () =>
    attempt(async () => {
      const { fileBase64, fileName } = await api.call('import.template', { what });
      downloadBase64(fileBase64, fileName);
    });

  const commit = () =>
    attempt(async () => {
      if (stage.step !== 'preview') return;
      const result = await api.call('import.commit', { what, fileBase64: stage.fileBase64, onlyValid });
      if (!result.ok) {
        setProblem(result.message);
        return;
      }
      await refreshReference(kindsTouchedBy(importKind(what).mutation));
      setStage({ step: 'done', imported: result.imported });
    });

  const preview = stage.step === 'preview' ? stage.preview : null;
  const count = preview ? (onlyValid ? preview.ok : preview.ok + preview.bad) : 0;
  const blocked = !!preview && preview.bad > 0 && !onlyValid;

  return (
    <Modal
      open={open}
      onCancel={close}
      title={t('import.title', { what: t(titleWordOf(what)) })}
      width={1000}
      destroyOnHidden
      footer={
        stage.step === 'done' ? (
          <Button type="primary" onClick={close}>
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            {preview && preview.bad > 0 && (
              <Checkbox checked={onlyValid} onChange={(e) => setOnlyValid(e.target.checked)}>
                {t('import.onlyValid')}
              </Checkbox>
            )}
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={!preview || blocked || count === 0} loading={busy && !!preview} onClick={() => void commit()}>
              {t('import.commit', { count })}
            </Button>
          </Space>
        )
      }
    >
      {stage.step === 'done' ? (
        <Result status="success" title={t('import.done', { count: stage.imported })} />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }} size={12}>
          <Space wrap>
            <Upload
              accept=".xlsx,.ods,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,application/vnd.oasis.opendocument.spreadsheet"
              showUploadList={false}
              beforeUpload={(file) => {
                void choose(file);
                return false;
              }}
            >
              <Button type={preview ? 'default' : 'primary'} loading={busy && !preview}>
                {t('import.chooseFile')}
              </Button>
            </Upload>
            <Button onClick={() => void template()}>{t('import.template')}</Button>
            {stage.step === 'preview' && <Typography.Text type="secondary">{stage.fileName}</Typography.Text>}
          </Space>
          {problem && <Alert type="error" showIcon title={problem} />}
          {preview && (
            <>
              <Alert type={preview.bad > 0 ? 'warning' : 'info'} showIcon title={t('import.preview', { ok: preview.ok, bad: preview.bad })} description={blocked ? t('import.fixFirst') : undefined} />
              {preview.rows.length === 0 ? (
                <Alert type="warning" title={t('import.noRows')} />
              ) : (
                <Table<ImportRowView>
                  size="small"
                  rowKey="row"
                  dataSource={preview.rows}
                  pagination={{ pageSize: 50, size: 'small', showSizeChanger: false, hideOnSinglePage: true }}
                  scroll={{ x: 'max-content', y: 340 }}
                  onRow={(r) => (r.problems.length > 0 ? { style: { background: token.colorErrorBg } } : {})}
                  columns={[
                    { key: 'row', title: t('settings.import.rowNo'), dataIndex: 'row', width: 64, fixed: 'start' },
                    ...preview.columns.map((c) => ({ key: c, title: c, render: (_: unknown, r: ImportRowView) => r.values[c] ?? '' })),
                    {
                      key: 'problems',
                      title: t('settings.import.problems'),
                      width: 300,
                      fixed: 'end',
                      render: (_: unknown, r: ImportRowView) =>
                        r.problems.length === 0 ? (
                          <Typography.Text type="success">{t('settings.import.rowOk')}</Typography.Text>
                        ) : (
                          r.problems.map((p, i) => (
                            <div key={i}>
                              <Typography.Text type="danger">{p}</Typography.Text>
                            </div>
                          ))
                        ),
                    },
                  ]}
                />
              )}
            </>
          )}
          {!preview && !problem && <Typography.Text type="secondary">{t('settings.import.hint')}</Typography.Text>}
        </Space>
      )}
    </Modal>
  );
}

/** A list's 從 Excel 匯入 button with its dialog; nothing for a user who may not import it. */
export function ImportButton({ what }: { what: ImportWhat }) {
  const t = useT();
  const may = useMayImport(what);
  const [open, setOpen] = useState(false);
  if (!may) return null;
  return (
    <>
      <Button icon={<UploadOutlined />} onClick={() => setOpen(true)}>
        {t('import.button')}
      </Button>
      <ImportDialog what={what} open={open} onClose={() => setOpen(false)} />
    </>
  );
}
