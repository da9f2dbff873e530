/**
 * 派工單: the work order a technician takes to the site, on ONE A4 page. The print frame
 * (components/print) shows it over the desk with 列印 and 關閉 and prints only the sheet;
 * work-order.css holds it to one page's height. It carries what the job needs: where (and
 * the equipment), what, the reporter and their extension to call, the due time, who is
 * assigned, and room to write what was done, the parts used and the signatures. A long
 * description is cut to its first lines.
 */
import { formatInstant, formatRocLong, todayInTaipei } from '../../../domain/dates';
import { useApiRead } from '../../app/hooks';
import { useLocale, useT } from '../../app/i18n';
import { PrintFrame } from '../../components/print/PrintFrame';
import { useAgencies, usePeople, usePlaceLabel } from '../../app/reference';
import { assetLabel, useAssets } from '../assets/hooks';
import { useMaintenance } from '../store';
import './work-order.css';

const PART_LINES = 5;

export function WorkOrderPrint() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const id = useMaintenance((s) => s.printId);
  const close = () => useMaintenance.getState().setPrintId(null);
  const detail = useApiRead('tickets.get', id ? { id } : null).data ?? null;
  const placeLabel = usePlaceLabel();
  const { byId: people } = usePeople();
  const { byId: agencies } = useAgencies();
  const { byId: assets } = useAssets();

  if (!id) return null;
  const ticket = detail?.ticket;
  const when = (at: string | null) => (at ? formatInstant(at, locale) : '');
  const assignee = ticket?.assigneeId ? people.get(ticket.assigneeId) : undefined;
  const asset = ticket?.assetId ? assets.get(ticket.assetId) : undefined;

  return (
    <PrintFrame label={t('maint.print.title')} ready={!!ticket} onClose={close}>
      {ticket && (
        <section className="wo-page" aria-label={ticket.number}>
          <div className="wo-head">
            <div>
              <div>{t('maint.print.issuer')}</div>
              <h1>{t('maint.print.title')}</h1>
            </div>
            <div style={{ textAlign: 'right' }}>
              <div className="wo-number">{ticket.number}</div>
              <div>{t('maint.print.printedOn', { date: formatRocLong(todayInTaipei()) })}</div>
            </div>
          </div>
          <table>
            <tbody>
              <tr>
                <th>{t('maint.col.reportedAt')}</th>
                <td>{when(ticket.reportedAt)}</td>
                <th>{t('maint.col.dueAt')}</th>
                <td>{when(ticket.dueAt)}</td>
              </tr>
              <tr>
                <th>{t('maint.col.location')}</th>
                <td colSpan={3}>{placeLabel(ticket.spaceId)}</td>
              </tr>
              {asset && (
                <tr>
                  <th>{t('field.assetId')}</th>
                  <td colSpan={3}>{[assetLabel(asset), [asset.make, asset.model].filter(Boolean).join(' ')].filter(Boolean).join('　')}</td>
                </tr>
              )}
              <tr>
                <th>{t('maint.col.category')}</th>
                <td>{t(`ticketCategory.${ticket.category}`)}</td>
                <th>{t('maint.col.priority')}</th>
                <td>{t(`ticketPriority.${ticket.priority}`)}</td>
              </tr>
              <tr>
                <th>{t('maint.col.reporter')}</th>
                <td>{[ticket.reporterName, ticket.reporterAgencyId && agencies.get(ticket.reporterAgencyId)?.nameZh].filter(Boolean).join('　')}</td>
                <th>{t('maint.col.phoneExt')}</th>
                <td>{ticket.reporterPhoneExt}</td>
              </tr>
              <tr>
                <th>{t('maint.col.subject')}</th>
                <td colSpan={3}>
                  <strong>{ticket.subject}</strong>
                </td>
              </tr>
              <tr>
                <th>{t('maint.col.description')}</th>
                <td colSpan={3}>
                  <div className="wo-description">{ticket.description}</div>
                </td>
              </tr>
              <tr>
                <th>{t('maint.col.assignee')}</th>
                <td colSpan={3}>{assignee ? [assignee.name, assignee.company || assignee.title, assignee.phone || assignee.phoneExt].filter(Boolean).join('　') : ''}</td>
              </tr>
            </tbody>
          </table>
          <table>
            <tbody>
              <tr>
                <th>{t('maint.print.work')}</th>
                <td className="wo-box" />
              </tr>
            </tbody>
          </table>
          <table className="wo-lines">
            <thead>
              <tr>
                <th style={{ width: 'auto' }}>{t('maint.print.part')}</th>
                <th style={{ width: '22mm' }}>{t('maint.costs.quantity')}</th>
                <th style={{ width: '18mm' }}>{t('maint.costs.unit')}</th>
                <th style={{ width: '40mm' }}>{t('maint.print.note')}</th>
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: PART_LINES }, (_, i) => (
                <tr key={i}>
                  <td />
                  <td />
                  <td />
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <table>
            <tbody>
              <tr>
                <th>{t('maint.print.arrived')}</th>
                <td />
                <th>{t('maint.col.completedAt')}</th>
                <td />
                <th>{t('maint.print.hours')}</th>
                <td />
              </tr>
            </tbody>
          </table>
          <table className="wo-sign">
            <tbody>
              <tr>
                <td>{t('maint.print.signTechnician')}</td>
                <td>{t('maint.print.signReporter')}</td>
                <td>{t('maint.print.signClerk')}</td>
                <td>{t('maint.print.signSupervisor')}</td>
              </tr>
            </tbody>
          </table>
          <div className="wo-foot">{t('maint.print.privacy')}</div>
        </section>
      )}
    </PrintFrame>
  );
}
