/**
 * One booking: its particulars, warnings, the bookings its time overlaps, its history
 * (who applied, approved at which level, rejected or cancelled, when and why), and the
 * steps the signed-in user may take next: approve (the venue clerk signs level 1, the
 * section chief level 2), reject or cancel with a reason, edit, print the letter.
 */
import { Alert, App, Button, Descriptions, Drawer, Empty, Flex, Form, Input, Modal, Space, Spin, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { formatInstant } from '../../domain/dates';
import type { Role } from '../../domain/roles';
import { holdsAny } from '../../domain/roles';
import type { BookingStep } from '../../domain/venues/types';
import type { BookingDetail, BookingView, VenueView } from '../../domain/venues/views';
import { useApiRead } from '../app/hooks';
import { useLocale, useT, type T } from '../app/i18n';
import { useShell } from '../app/store';
import { AttachmentLinks } from '../components/Attachments';
import { KeyboardForm } from '../components/KeyboardForm';
import { HistoryDrawer } from '../components/HistoryDrawer';
import { useUsers } from '../app/reference';
import { approveBooking, cancelBooking, mutate, rejectBooking, type MutateOutcome } from './actions';
import { applicantName, aside, bookingLine, bookingVenueName, listText, money, timeRange } from './labels';
import { problemText } from './problems';
import { useVenueDesk } from './store';

const NO_ROLES: Role[] = [];

/** The next approval a pending booking needs, and whether these roles may give it. */
export function nextApproval(
  venue: Pick<VenueView, 'approvalLevels'>,
  booking: Pick<BookingView, 'status' | 'approvedLevel'>,
  roles: readonly Role[],
): { level: number; of: number; allowed: boolean } | null {
  if (booking.status !== 'pending') return null;
  const of = Math.max(venue.approvalLevels, 1);
  const level = Math.min(booking.approvedLevel + 1, of);
  const allowed = level === 2 ? roles.includes('supervisor') : holdsAny(roles, ['venue_clerk', 'supervisor']);
  return { level, of, allowed };
}

/** 申請中（第一層已核准）, 核准, 駁回… */
export function statusText(b: Pick<BookingView, 'status' | 'approvedLevel'>, venue: Pick<VenueView, 'approvalLevels'> | undefined, t: T): string {
  if (b.status === 'pending' && venue?.approvalLevels === 2 && b.approvedLevel === 1) return t('venues.ui.detail.pendingLevel2');
  return t(`venues.status.${b.status}`);
}

export const STATUS_COLOR: Record<BookingView['status'], string> = { pending: 'gold', approved: 'blue', rejected: 'red', cancelled: 'default' };

export function BookingDrawer() {
  const t = useT();
  const id = useVenueDesk((s) => s.detailId);
  const close = () => useVenueDesk.getState().openDetail(null);
  return (
    <Drawer open={!!id} onClose={close} size={620} title={t('venues.ui.detail.title')} destroyOnHidden>
      {id && <BookingDetailView id={id} />}
    </Drawer>
  );
}

function useDetail(id: string): { detail: BookingDetail | null; error: string | null; loading: boolean } {
  const { data, error, loading } = useApiRead('venues.booking', { id }, { reloadOn: ['booking', 'bookingSeries', 'venue'], keepPrevious: true });
  return { detail: data ?? null, error, loading };
}

function BookingDetailView({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message, modal } = App.useApp();
  const roles = useShell((s) => s.session?.user?.roles ?? NO_ROLES);
  const { detail, error, loading } = useDetail(id);
  const [asking, setAsking] = useState<null | 'reject' | 'cancel' | 'cancelSeries' | 'rejectSeries' | 'override'>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const { openEditor, openLetter } = useVenueDesk.getState();

  if (!detail) return error ? <Alert type="error" showIcon title={error} /> : loading ? <Spin style={{ display: 'block', margin: '32px auto' }} /> : <Empty />;
  const { booking: b, venue, series, overlapping, warnings } = detail;
  const next = nextApproval(venue, b, roles);
  const mayChange = holdsAny(roles, ['venue_clerk', 'supervisor']);
  const live = b.status === 'pending' || b.status === 'approved';

  const report = (r: MutateOutcome, done: string) => {
    if (r.ok) void message.success(done);
    else modal.error({ title: t('venues.ui.detail.refused'), content: r.message });
    return r.ok;
  };

  const approve = async () => {
    setBusy(true);
    try {
      report(await approveBooking(b.id), next && next.level < next.of ? t('venues.ui.detail.approvedLevel', { level: next.level }) : t('venues.ui.detail.approvedDone'));
    } finally {
      setBusy(false);
    }
  };

  const approveSeries = async () => {
    if (!series) return;
    setBusy(true);
    try {
      report(await mutate('bookingSeries.approve', { id: series.id }), t('venues.ui.detail.seriesApproved'));
    } finally {
      setBusy(false);
    }
  };

  const approveLabel = !next ? '' : next.of === 2 ? t(next.level === 1 ? 'venues.ui.detail.approveLevel1' : 'venues.ui.detail.approveLevel2') : t('venues.ui.detail.approve');

  return (
    <Flex vertical gap={12}>
      <Flex align="center" gap={8} wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {b.number} {b.eventName}
        </Typography.Title>
        <Tag color={STATUS_COLOR[b.status]} data-testid="booking-status">
          {statusText(b, venue, t)}
        </Tag>
        {b.competing && <Tag color="red">{t('venues.ui.tone.competing')}</Tag>}
        {b.displaced && <Tag color="volcano">{t('venues.step.displaced')}</Tag>}
      </Flex>

      <Flex gap={8} wrap>
        {next?.allowed && (
          <Button type="primary" loading={busy} onClick={() => void approve()}>
            {approveLabel}
          </Button>
        )}
        {next?.allowed && roles.includes('supervisor') && next.level === next.of && overlapping.some((o) => o.status === 'approved') && (
          <Button danger onClick={() => setAsking('override')}>
            {t('venues.ui.detail.override')}
          </Button>
        )}
        {next?.allowed && series?.status === 'pending' && (
          <Button loading={busy} onClick={() => void approveSeries()}>
            {t('venues.ui.detail.approveSeries', { count: detail.occurrences.length })}
          </Button>
        )}
        {next && !next.allowed && <Alert type="info" showIcon title={next.level === 2 ? t('venues.ui.detail.waitSupervisor') : t('venues.ui.detail.waitClerk')} style={{ padding: '2px 8px' }} />}
        {mayChange && b.status === 'pending' && (
          <Button danger onClick={() => setAsking('reject')}>
            {t('venues.ui.detail.reject')}
          </Button>
        )}
        {mayChange && live && <Button onClick={() => openEditor({ mode: 'edit', bookingId: b.id })}>{t('venues.ui.detail.edit')}</Button>}
        {mayChange && live && <Button onClick={() => setAsking('cancel')}>{t('venues.ui.detail.cancel')}</Button>}
        {mayChange && series && live && <Button onClick={() => setAsking('cancelSeries')}>{t('venues.ui.detail.cancelSeriesFrom')}</Button>}
        {mayChange && series?.status === 'pending' && (
          <Button danger onClick={() => setAsking('rejectSeries')}>
            {t('venues.ui.detail.rejectSeries')}
          </Button>
        )}
        {b.status === 'approved' && <Button onClick={() => openLetter(b.id)}>{t('venues.ui.detail.printLetter')}</Button>}
        <Button onClick={() => setHistoryOpen(true)}>{t('history.title')}</Button>
      </Flex>

      {b.displaced && <Alert type="warning" showIcon title={t('venues.ui.detail.displaced', { contact: `${b.contactName} ${b.contactPhone}` })} />}
      {warnings.map((p, i) => (
        <Alert key={i} type="warning" showIcon title={problemText(p, t)} />
      ))}

      <Descriptions size="small" column={2} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
        <Descriptions.Item label={t('field.venueId')} span={2}>
          {bookingVenueName(b, locale)}
          {aside(locale === 'zh-TW' ? venue.locationZh : venue.locationEn, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('venues.ui.detail.when')} span={2}>
          {timeRange(b.start, b.end, locale)}
          <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
            {t('venues.ui.detail.buffers', { before: b.bufferBefore, after: b.bufferAfter })}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('venues.ui.detail.applicant')} span={2}>
          {applicantName(b, locale)}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.contactName')}>{b.contactName}</Descriptions.Item>
        <Descriptions.Item label={t('field.contactPhone')}>{b.contactPhone}</Descriptions.Item>
        <Descriptions.Item label={t('field.activityType')}>{t(`venues.activity.${b.activityType}`)}</Descriptions.Item>
        <Descriptions.Item label={t('field.attendees')}>{t('venues.ui.people', { count: b.attendees })}</Descriptions.Item>
        <Descriptions.Item label={t('field.equipment')} span={2}>
          {b.equipment.length
            ? listText(
                b.equipment.map((e) => t(`venues.equipment.${e}`)),
                locale,
              )
            : t('common.none')}
        </Descriptions.Item>
        <Descriptions.Item label={t('field.letterNo')}>{b.letterNo || t('common.none')}</Descriptions.Item>
        <Descriptions.Item label={t('field.fee')}>
          {b.feeWaived ? t('venues.ui.detail.feeWaived') : b.fee === 0 ? t('venues.ui.settings.free') : t('venues.ui.money', { amount: money(b.fee, locale) })}
        </Descriptions.Item>
        <Descriptions.Item label={t('venues.ui.attachments')} span={2}>
          <AttachmentLinks attachments={b.attachments} />
        </Descriptions.Item>
        {series ? (
          <Descriptions.Item label={t('venues.ui.detail.series')} span={2}>
            {t('venues.ui.detail.seriesLine', { count: detail.occurrences.length, status: t(`venues.status.${series.status}`) })}
          </Descriptions.Item>
        ) : null}
        {b.notes ? (
          <Descriptions.Item label={t('field.notes')} span={2}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{b.notes}</span>
          </Descriptions.Item>
        ) : null}
        {b.overrideReason ? (
          <Descriptions.Item label={t('field.override')} span={2}>
            {b.overrideReason}
          </Descriptions.Item>
        ) : null}
      </Descriptions>

      {overlapping.length > 0 && (
        <div>
          <Typography.Text strong>{t('venues.ui.detail.overlapping', { count: overlapping.length })}</Typography.Text>
          <Flex vertical gap={2} style={{ marginTop: 4 }}>
            {overlapping.map((o) => (
              <Typography.Link key={o.id} onClick={() => useVenueDesk.getState().openDetail(o.id)}>
                <Tag color={STATUS_COLOR[o.status]}>{t(`venues.status.${o.status}`)}</Tag>
                {bookingLine(o, locale)} {applicantName(o, locale)}
              </Typography.Link>
            ))}
          </Flex>
        </div>
      )}

      <ParkingApplications bookingId={b.id} />

      <div>
        <Typography.Text strong>{t('venues.ui.detail.steps')}</Typography.Text>
        <Steps steps={b.steps} />
      </div>

      <ReasonDialog
        open={asking !== null}
        title={
          asking === 'override'
            ? t('venues.ui.detail.override')
            : asking === 'reject'
              ? t('venues.ui.detail.reject')
              : asking === 'rejectSeries'
                ? t('venues.ui.detail.rejectSeries')
                : asking === 'cancelSeries'
                  ? t('venues.ui.detail.cancelSeriesFrom')
                  : t('venues.ui.detail.cancel')
        }
        okText={asking === 'override' ? t('venues.ui.detail.override') : asking === 'reject' || asking === 'rejectSeries' ? t('venues.ui.detail.reject') : t('venues.ui.detail.confirmCancel')}
        onClose={() => setAsking(null)}
        onSubmit={async (reason) => {
          const r =
            asking === 'override'
              ? await approveBooking(b.id, { reason })
              : asking === 'reject'
                ? await rejectBooking(b.id, reason)
                : asking === 'rejectSeries' && series
                  ? await mutate('bookingSeries.reject', { id: series.id, reason })
                  : asking === 'cancelSeries' && series
                    ? await mutate('bookingSeries.cancel', { id: series.id, reason, fromDate: b.originalDate ?? undefined })
                    : await cancelBooking(b.id, reason);
          if (r.ok) {
            setAsking(null);
            report(r, asking === 'override' ? t('venues.ui.detail.approvedDone') : asking === 'reject' || asking === 'rejectSeries' ? t('venues.ui.detail.rejected') : t('venues.ui.detail.cancelled'));
          }
          return r.ok ? null : r.message;
        }}
      />
      <HistoryDrawer kind="booking" id={b.id} title={b.eventName} open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </Flex>
  );
}

function Steps({ steps }: { steps: BookingStep[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const users = useUsers();
  const name = (id: string) => users.find((u) => u.id === id)?.displayName ?? id;
  return (
    <Timeline
      style={{ marginTop: 8 }}
      items={steps.map((s, i) => ({
        key: i,
        color: s.action === 'approved' ? 'blue' : s.action === 'rejected' || s.action === 'cancelled' || s.action === 'displaced' ? 'red' : 'gray',
        content: (
          <div data-testid="booking-step">
            <Typography.Text strong>{s.action === 'approved' && s.level ? t('venues.ui.detail.stepApproved', { level: s.level }) : t(`venues.step.${s.action}`)}</Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {t('history.by', { user: name(s.userId), time: formatInstant(s.at, locale) })}
            </Typography.Text>
            {s.reason && <div>{t('venues.ui.detail.reason', { reason: s.reason })}</div>}
          </div>
        ),
      }))}
    />
  );
}

/** Asks why (a rejection, a cancellation); the reason is required. */
export function ReasonDialog({ open, title, okText, onClose, onSubmit }: { open: boolean; title: string; okText: string; onClose(): void; onSubmit(reason: string): Promise<string | null> }) {
  const t = useT();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <Modal open={open} title={title} onCancel={onClose} footer={null} destroyOnHidden width={440} keyboard={false}>
      <KeyboardForm<{ reason: string }>
        layout="vertical"
        size="small"
        onCancel={onClose}
        onSubmit={async ({ reason }) => {
          setBusy(true);
          setProblem(null);
          try {
            setProblem(await onSubmit(reason.trim()));
          } finally {
            setBusy(false);
          }
        }}
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 8 }} />}
        <Form.Item name="reason" label={t('field.reason')} rules={[{ required: true, whitespace: true, message: t('error.required', { field: t('field.reason') }) }]}>
          <Input maxLength={300} autoComplete="off" />
        </Form.Item>
        <Space style={{ width: '100%', justifyContent: 'flex-end' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" danger htmlType="submit" loading={busy}>
            {okText}
          </Button>
        </Space>
      </KeyboardForm>
    </Modal>
  );
}

/** The parking permits the event's agency applied for with this booking (the parking desk decides them). */
function ParkingApplications({ bookingId }: { bookingId: string }) {
  const t = useT();
  const { data } = useApiRead('parking.applications', { venueBookingId: bookingId }, { reloadOn: ['permitApplication'] });
  if (!data?.length) return null;
  return (
    <div>
      <Typography.Text strong>{t('venues.ui.detail.parking', { count: data.length })}</Typography.Text>
      <Flex vertical gap={2} style={{ marginTop: 4 }} role="list" aria-label={t('venues.ui.detail.parking', { count: data.length })}>
        {data.map((a) => (
          <Typography.Text key={a.id} role="listitem">
            {t('venues.ui.detail.parkingLine', { type: t(`parking.type.${a.type}`), asked: a.countAsked, state: t(`parking.application.${a.state}`), approved: a.approvedCount })}
          </Typography.Text>
        ))}
      </Flex>
    </div>
  );
}
