/**
 * 場地使用核准通知: the confirmation letter of an approved booking, on one A4 page. The
 * print frame (components/print) shows it over the desk with 列印 and 關閉 and prints only
 * the page; letter.css styles the letter itself. It shows what its purpose needs: the
 * applicant, the event, the venue and time, fees, the approvals, and the desk to call — not
 * the applicant's phone.
 */
import { formatDate, formatInstant, todayInTaipei } from '../../domain/dates';
import type { BookingDetail } from '../../domain/venues/views';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { PrintFrame } from '../components/print/PrintFrame';
import { useUsers } from '../app/reference';
import { applicantName, bookingVenueName, listText, longTimeRange, money } from './labels';
import { useVenueDesk } from './store';
import './letter.css';

export function ConfirmationLetter() {
  const id = useVenueDesk((s) => s.letterId);
  if (!id) return null;
  return <LetterOverlay id={id} />;
}

function LetterOverlay({ id }: { id: string }) {
  const t = useT();
  const close = () => useVenueDesk.getState().openLetter(null);
  const read = useApiRead('venues.booking', { id });
  // A failed read shows its message, not the letter as it was.
  const value = read.error ? null : read.data;

  return (
    <PrintFrame label={t('venues.ui.letter.title')} ready={!!value} error={read.error} onClose={close}>
      {value && <LetterPage detail={value} />}
    </PrintFrame>
  );
}

function LetterPage({ detail }: { detail: BookingDetail }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const users = useUsers();
  const { booking: b, venue } = detail;
  const person = (userId: string) => users.find((u) => u.id === userId)?.displayName ?? '';
  const approvals = b.steps.filter((s) => s.action === 'approved');
  const clerk = approvals.find((s) => (s.level ?? 0) <= 1);
  const chief = approvals.find((s) => s.level === 2);
  const today = todayInTaipei();
  const location = locale === 'zh-TW' ? venue.locationZh : venue.locationEn;
  const items: string[] = [
    ...(b.letterNo ? [t('venues.ui.letter.basis', { letterNo: b.letterNo })] : []),
    t('venues.ui.letter.venue', { venue: bookingVenueName(b, locale), location, capacity: venue.capacity }),
    t('venues.ui.letter.time', { when: longTimeRange(b.start, b.end, locale, t), before: b.bufferBefore, after: b.bufferAfter }),
    t('venues.ui.letter.event', { type: t(`venues.activity.${b.activityType}`), attendees: b.attendees }),
    ...(b.equipment.length
      ? [
          t('venues.ui.letter.equipment', {
            items: listText(
              b.equipment.map((e) => t(`venues.equipment.${e}`)),
              locale,
            ),
          }),
        ]
      : []),
    b.feeWaived ? t('venues.ui.letter.feeWaived') : t('venues.ui.letter.fee', { fee: money(b.fee, locale), deposit: money(venue.deposit, locale) }),
    t('venues.ui.letter.contact', { name: b.contactName }),
  ];
  const rules = [t('venues.ui.letter.rule1'), t('venues.ui.letter.rule2'), t('venues.ui.letter.rule3'), t('venues.ui.letter.rule4')];
  const numeral = (i: number) => (locale === 'zh-TW' ? `${'一二三四五六七八九十'[i]}、` : `${i + 1}. `);

  return (
    <article className="vl-page" data-testid="letter-page">
      <header className="vl-head">
        <div className="vl-issuer">{t('venues.ui.letter.issuer', { site: locale === 'zh-TW' ? venue.siteNameZh : venue.siteNameEn })}</div>
        <h1>{t('venues.ui.letter.title')}</h1>
      </header>
      <table className="vl-meta">
        <tbody>
          <tr>
            <th>{t('venues.ui.letter.to')}</th>
            <td>{applicantName(b, locale)}</td>
            <th>{t('field.number')}</th>
            <td>{b.number}</td>
          </tr>
          <tr>
            <th>{t('venues.ui.letter.date')}</th>
            <td>{formatDate(today, locale, 'long')}</td>
            <th>{t('venues.ui.letter.status')}</th>
            <td>{t('venues.status.approved')}</td>
          </tr>
        </tbody>
      </table>
      <section className="vl-subject">
        <span className="vl-label">{t('venues.ui.letter.subjectLabel')}</span>
        {t('venues.ui.letter.subject', { applicant: applicantName(b, locale), when: longTimeRange(b.start, b.end, locale, t), venue: bookingVenueName(b, locale), event: b.eventName })}
      </section>
      <section>
        <span className="vl-label">{t('venues.ui.letter.explainLabel')}</span>
        <ol className="vl-list">
          {items.map((text, i) => (
            <li key={i}>
              <span className="vl-num">{numeral(i)}</span>
              {text}
            </li>
          ))}
        </ol>
      </section>
      <section>
        <span className="vl-label">{t('venues.ui.letter.rulesLabel')}</span>
        <ol className="vl-list vl-rules">
          {rules.map((text, i) => (
            <li key={i}>
              <span className="vl-num">{locale === 'zh-TW' ? `（${'一二三四五六七八九十'[i]}）` : `(${i + 1}) `}</span>
              {text}
            </li>
          ))}
        </ol>
      </section>
      <table className="vl-sign">
        <tbody>
          <tr>
            <th>{t('venues.ui.letter.clerk')}</th>
            <th>{t('venues.ui.letter.chief')}</th>
          </tr>
          <tr>
            <td>
              {clerk && (
                <>
                  <div className="vl-signer">{person(clerk.userId)}</div>
                  <div className="vl-when">{formatInstant(clerk.at, locale)}</div>
                </>
              )}
            </td>
            <td>
              {chief ? (
                <>
                  <div className="vl-signer">{person(chief.userId)}</div>
                  <div className="vl-when">{formatInstant(chief.at, locale)}</div>
                </>
              ) : (
                venue.approvalLevels < 2 && <div className="vl-when">{t('venues.ui.letter.chiefNotNeeded')}</div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
      <footer className="vl-foot">{t('venues.ui.letter.footer', { number: b.number })}</footer>
    </article>
  );
}
