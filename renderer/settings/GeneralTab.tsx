/** Settings › 一般: language, auto-lock, a sample date field, and this workstation's facts. */
import { App, Button, Card, Descriptions, Flex, Form, InputNumber, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { todayInTaipei, type Locale } from '../../domain/dates';
import { LOCALES } from '../../domain/i18n';
import { DESKS } from '../app/desks';
import { useLocale, useT } from '../app/i18n';
import { useShell } from '../app/store';
import { KeyboardForm } from '../components/KeyboardForm';
import { RocDatePicker } from '../components/RocDatePicker';
import { shortcutLabel } from '../components/shortcuts';
import { PALETTE_SHORTCUTS, deskShortcut } from '../shell/useCommands';
import { SyncCard } from '../components/SyncCard';

const LABEL_COL = { flex: '180px' };

export function GeneralTab() {
  const t = useT();
  const { message } = App.useApp();
  const locale = useLocale((s) => s.locale);
  const info = useShell((s) => s.info);
  const setLocale = useShell((s) => s.setLocale);
  const setAutoLock = useShell((s) => s.setAutoLock);
  const [sampleDate, setSampleDate] = useState<string | null>(() => todayInTaipei());
  const [saving, setSaving] = useState(false);

  const changeLocale = async (next: Locale) => {
    const done = await setLocale(next);
    if (!done.ok) message.error(done.message);
  };

  const saveAutoLock = async ({ autoLockMinutes }: { autoLockMinutes: number }) => {
    setSaving(true);
    const done = await setAutoLock(autoLockMinutes);
    setSaving(false);
    if (done.ok) message.success(t('common.saved'));
    else message.error(done.message);
  };

  const minutesLabel = t('settings.autoLock');
  return (
    <Flex vertical gap={16} style={{ maxWidth: 760 }}>
      <Card title={t('settings.general')} size="small">
        <KeyboardForm<{ autoLockMinutes: number }>
          key={info?.autoLockMinutes}
          layout="horizontal"
          labelCol={LABEL_COL}
          labelWrap
          autoFocusFirst={false}
          initialValues={{ autoLockMinutes: info?.autoLockMinutes ?? 10 }}
          onSubmit={saveAutoLock}
        >
          <Form.Item label={t('settings.language')} extra={t('shell.general.languageHelp')}>
            <Segmented<Locale> value={locale} onChange={changeLocale} options={LOCALES.map((l) => ({ value: l, label: t(`shell.language.${l}`) }))} />
          </Form.Item>
          <Form.Item label={minutesLabel} extra={t('shell.general.autoLockHelp')}>
            <Flex gap={8}>
              <Form.Item
                name="autoLockMinutes"
                noStyle
                rules={[
                  { required: true, message: t('error.required', { field: minutesLabel }) },
                  { type: 'integer', min: 1, max: 240, message: t('error.invalid', { field: minutesLabel }) },
                ]}
              >
                <InputNumber min={1} max={240} precision={0} style={{ width: 120 }} aria-label={minutesLabel} />
              </Form.Item>
              <Button htmlType="submit" loading={saving}>
                {t('common.save')}
              </Button>
            </Flex>
          </Form.Item>
          <Form.Item label={t('settings.dateSample')} extra={t('settings.dateSampleHelp')} htmlFor="settings-date-sample">
            <RocDatePicker id="settings-date-sample" value={sampleDate} onChange={setSampleDate} style={{ width: 180 }} />
          </Form.Item>
        </KeyboardForm>
      </Card>

      <Card title={t('settings.workstation')} size="small">
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 180 } }}
          items={[
            {
              key: 'clientId',
              label: t('settings.clientId'),
              children: (
                <Typography.Text copyable code>
                  {info?.clientId}
                </Typography.Text>
              ),
            },
            {
              key: 'dataDir',
              label: t('settings.dataDir'),
              children: (
                <Typography.Text copyable style={{ wordBreak: 'break-all' }}>
                  {info?.dataDir}
                </Typography.Text>
              ),
            },
            { key: 'server', label: t('shell.general.server'), children: info?.serverUrl ?? t('shell.general.serverNone') },
            { key: 'version', label: t('shell.general.version'), children: info?.version },
          ]}
        />
      </Card>

      <SyncCard />

      <Card title={t('shell.general.shortcuts')} size="small">
        <Descriptions
          column={1}
          size="small"
          styles={{ label: { width: 180 } }}
          items={[
            {
              key: 'desks',
              label: t('shell.general.shortcutDesks'),
              children: (
                <span>
                  <Typography.Text keyboard>{shortcutLabel(deskShortcut(0))}</Typography.Text>…<Typography.Text keyboard>{shortcutLabel(deskShortcut(DESKS.length - 1))}</Typography.Text>
                </span>
              ),
            },
            {
              key: 'palette',
              label: t('shell.general.shortcutPalette'),
              children: (
                <span>
                  {PALETTE_SHORTCUTS.map((s) => (
                    <Typography.Text key={s.code} keyboard>
                      {shortcutLabel(s)}
                    </Typography.Text>
                  ))}
                </span>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
