/**
 * A trip: its log (actual times, odometer out and in, never below the vehicle's last
 * reading, fuel, tolls, incidents; for a loan, the handover and the condition on return),
 * undoing the dispatch, and the dispatch slip (派車單) on one A4 page.
 */
import { Alert, App, Button, Descriptions, Drawer, Flex, Form, Input, InputNumber } from 'antd';
import { useState } from 'react';
import { formatInstant, taipeiDateOf, taipeiInstant, clockOf, taipeiMinutes, todayInTaipei, type BusinessDate } from '../../domain/dates';
import { formatPlate } from '../../domain/plates';
import type { TripSheet } from '../../domain/vehicles/calls';
import { needsServiceTicket, serviceDueReasons } from '../../domain/vehicles/service';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { mutate } from '../app/mutate';
import { KeyboardForm } from '../components/KeyboardForm';
import { PrintFrame } from '../components/print/PrintFrame';
import { RocDatePicker } from '../components/RocDatePicker';
import { clockInput } from './clock';

interface LogValues {
  departDate?: BusinessDate | null;
  departTime?: string;
  returnDate?: BusinessDate | null;
  returnTime?: string;
  odometerOut?: number | null;
  odometerIn?: number | null;
  fuelLitres?: number | null;
  tolls?: number | null;
  incidents?: string;
  handover?: string;
  conditionOnReturn?: string;
}

const instantOf = (date: BusinessDate | null | undefined, time: string | undefined) => {
  const clock = clockInput(time);
  return date && clock ? taipeiInstant(date, clock) : null;
};
const splitInstant = (at: string | null) => (at ? { date: taipeiDateOf(at), time: clockOf(taipeiMinutes(at)) } : { date: null, time: '' });

export function TripDrawer({ tripId, onClose }: { tripId: string; onClose(): void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { message } = App.useApp();
  const { data: sheet } = useApiRead('vehicles.trip', { id: tripId }, { reloadOn: ['trip', 'vehicle'] });
  const [form] = Form.useForm<LogValues>();
  const [problem, setProblem] = useState<string | null>(null);
  const [printing, setPrinting] = useState(false);
  if (!sheet) return null;
  const { trip, request, vehicle } = sheet;
  const depart = splitInstant(trip.actualDepartAt ?? trip.departAt);
  const back = splitInstant(trip.actualReturnAt);

  const save = async (v: LogValues) => {
    setProblem(null);
    form.setFields([
      { name: 'odometerOut', errors: [] },
      { name: 'odometerIn', errors: [] },
    ]);
    const r = await mutate('trip.log', {
      id: trip.id,
      actualDepartAt: instantOf(v.departDate, v.departTime),
      actualReturnAt: instantOf(v.returnDate, v.returnTime),
      odometerOut: v.odometerOut ?? null,
      odometerIn: v.odometerIn ?? null,
      fuelLitres: v.fuelLitres ?? null,
      tolls: v.tolls ?? null,
      incidents: v.incidents ?? '',
      ...(trip.isLoan ? { handover: v.handover ?? '', conditionOnReturn: v.conditionOnReturn ?? '' } : {}),
    });
    if (!r.ok) {
      setProblem(r.message);
      const field = r.problem.field;
      if (field === 'odometerOut' || field === 'odometerIn') form.setFields([{ name: field, errors: [r.message] }]);
      return;
    }
    void message.success(t('vehicles.ui.trip.saved'));
    // A log that brings the odometer to the service reading opens the work item at once (vehicle.openService).
    const odometer = Math.max(vehicle.odometer, v.odometerOut ?? 0, v.odometerIn ?? 0);
    const after = { ...vehicle, odometer };
    if (needsServiceTicket(after, todayInTaipei()) && serviceDueReasons(after, todayInTaipei()).includes('odometer')) {
      const opened = await mutate('vehicle.openService', { id: vehicle.id });
      if (opened.ok) void message.info(t('vehicles.ui.service.opened', { plate: formatPlate(vehicle.plate) }));
      else void message.warning(opened.message);
    }
  };
  const unassign = async () => {
    const r = await mutate('trip.unassign', { id: trip.id });
    if (!r.ok) return setProblem(r.message);
    onClose();
  };

  return (
    <Drawer open title={t('vehicles.ui.trip.title', { plate: formatPlate(vehicle.plate) })} onClose={onClose} size={520}>
      <Flex vertical gap={12}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={t('vehicles.ui.slip.agency')}>{sheet.agencyName}</Descriptions.Item>
          <Descriptions.Item label={t('field.purpose')}>{request.purpose}</Descriptions.Item>
          <Descriptions.Item label={t('field.driverId')}>{sheet.driver?.name ?? t('vehicles.ui.board.noDriver')}</Descriptions.Item>
          <Descriptions.Item label={t('vehicles.ui.slip.planned')}>
            {formatInstant(trip.departAt, locale)} – {formatInstant(trip.returnAt, locale)}
          </Descriptions.Item>
          <Descriptions.Item label={t('vehicles.ui.list.state')}>{t(`vehicles.tripState.${trip.state}`)}</Descriptions.Item>
        </Descriptions>
        <Flex gap={8}>
          <Button onClick={() => setPrinting(true)}>{t('vehicles.ui.trip.slip')}</Button>
          {trip.state === 'assigned' && (
            <Button danger onClick={() => void unassign()}>
              {t('vehicles.ui.trip.unassign')}
            </Button>
          )}
        </Flex>
        {problem && <Alert type="error" showIcon message={problem} role="alert" />}
        <KeyboardForm<LogValues>
          form={form}
          layout="vertical"
          onSubmit={save}
          onCancel={onClose}
          initialValues={{
            departDate: depart.date,
            departTime: depart.time,
            returnDate: back.date ?? taipeiDateOf(trip.returnAt),
            returnTime: back.time,
            odometerOut: trip.odometerOut,
            odometerIn: trip.odometerIn,
            fuelLitres: trip.fuelLitres,
            tolls: trip.tolls,
            incidents: trip.incidents,
            handover: trip.handover,
            conditionOnReturn: trip.conditionOnReturn,
          }}
        >
          <Flex gap={8}>
            <Form.Item name="departDate" label={t('vehicles.ui.trip.actualDepart')} style={{ flex: 1 }}>
              <RocDatePicker />
            </Form.Item>
            <Form.Item name="departTime" label={t('vehicles.ui.trip.time')} style={{ width: 110 }}>
              <Input aria-label={`${t('vehicles.ui.trip.actualDepart')} ${t('vehicles.ui.trip.time')}`} placeholder="09:00" maxLength={5} />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Form.Item name="returnDate" label={t('vehicles.ui.trip.actualReturn')} style={{ flex: 1 }}>
              <RocDatePicker />
            </Form.Item>
            <Form.Item name="returnTime" label={t('vehicles.ui.trip.time')} style={{ width: 110 }}>
              <Input aria-label={`${t('vehicles.ui.trip.actualReturn')} ${t('vehicles.ui.trip.time')}`} placeholder="17:00" maxLength={5} />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Form.Item name="odometerOut" label={t('field.odometerOut')} extra={t('vehicles.ui.trip.lastReading', { km: vehicle.odometer.toLocaleString('en') })} style={{ flex: 1 }}>
              <InputNumber aria-label={t('field.odometerOut')} min={0} max={5_000_000} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="odometerIn" label={t('field.odometerIn')} style={{ flex: 1 }}>
              <InputNumber aria-label={t('field.odometerIn')} min={0} max={5_000_000} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Flex gap={8}>
            <Form.Item name="fuelLitres" label={t('vehicles.ui.trip.fuel')} style={{ flex: 1 }}>
              <InputNumber aria-label={t('vehicles.ui.trip.fuel')} min={0} max={2000} step={0.1} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="tolls" label={t('vehicles.ui.trip.tolls')} style={{ flex: 1 }}>
              <InputNumber aria-label={t('vehicles.ui.trip.tolls')} min={0} max={100_000} style={{ width: '100%' }} />
            </Form.Item>
          </Flex>
          <Form.Item name="incidents" label={t('vehicles.ui.trip.incidents')}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
          {trip.isLoan && (
            <>
              <Form.Item name="handover" label={t('vehicles.ui.trip.handover')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
              <Form.Item name="conditionOnReturn" label={t('vehicles.ui.trip.condition')}>
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit">
            {t('vehicles.ui.trip.save')}
          </Button>
        </KeyboardForm>
      </Flex>
      {printing && (
        <PrintFrame label={t('vehicles.ui.slip.title')} ready onClose={() => setPrinting(false)}>
          <DispatchSlip sheet={sheet} />
        </PrintFrame>
      )}
    </Drawer>
  );
}

/** 派車單: one A4 page (the sheet's content limits its own height, see vehicles.css). */
export function DispatchSlip({ sheet }: { sheet: TripSheet }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { trip, request, vehicle, driver } = sheet;
  const km = trip.odometerOut !== null && trip.odometerIn !== null ? `${(trip.odometerIn - trip.odometerOut).toLocaleString('en')} km` : '';
  const time = (a: string | null, b: string | null) => (a ? `${formatInstant(a, locale)} – ${b ? formatInstant(b, locale) : ''}` : '');
  const rows: [string, string][] = [
    [t('vehicles.ui.slip.number'), trip.id.slice(-12).toUpperCase()],
    [t('vehicles.ui.slip.agency'), `${sheet.agencyName}${trip.isLoan ? `（${t('vehicles.ui.slip.loan')}）` : ''}`],
    [t('field.requesterName'), request.requesterName],
    [t('vehicles.ui.slip.source'), `${t(`vehicles.source.${request.source}`)}${request.paperNumber ? ` ${request.paperNumber}` : ''}`],
    [t('field.purpose'), request.purpose],
    [t('field.stops'), request.stops.join('、')],
    [t('field.passengers'), String(request.passengers)],
    [t('vehicles.ui.slip.planned'), time(trip.departAt, trip.returnAt)],
    [t('field.vehicleId'), `${formatPlate(vehicle.plate)} ${vehicle.make} ${vehicle.model} ${t(`vehicles.type.${vehicle.type}`)} ${t('vehicles.ui.seats', { seats: vehicle.seats })}`],
    [t('field.driverId'), driver ? `${driver.name} ${driver.phone}` : t('vehicles.ui.board.noDriver')],
    [t('vehicles.ui.slip.actual'), time(trip.actualDepartAt, trip.actualReturnAt)],
    [t('field.odometerOut'), trip.odometerOut?.toLocaleString('en') ?? ''],
    [t('field.odometerIn'), trip.odometerIn?.toLocaleString('en') ?? ''],
    [t('vehicles.ui.slip.km'), km],
    [t('vehicles.ui.trip.fuel'), trip.fuelLitres?.toString() ?? ''],
    [t('vehicles.ui.trip.tolls'), trip.tolls?.toString() ?? ''],
    [t('vehicles.ui.trip.incidents'), trip.incidents],
    ...(trip.isLoan ? [[t('vehicles.ui.trip.handover'), trip.handover] as [string, string], [t('vehicles.ui.trip.condition'), trip.conditionOnReturn] as [string, string]] : []),
  ];
  return (
    <div className="vh-slip">
      <h1>{t('vehicles.ui.slip.title')}</h1>
      <div className="vh-slip-org">{t('vehicles.ui.slip.org')}</div>
      <table>
        <tbody>
          {rows.map(([label, value]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="vh-slip-signs" style={{ marginTop: '6mm' }}>
        <thead>
          <tr>
            <th>{t('vehicles.ui.slip.signRequester')}</th>
            <th>{t('vehicles.ui.slip.signDriver')}</th>
            <th>{t('vehicles.ui.slip.signDispatcher')}</th>
            <th>{t('vehicles.ui.slip.signChief')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td />
            <td />
            <td />
            <td />
          </tr>
        </tbody>
      </table>
    </div>
  );
}
