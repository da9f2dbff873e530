/**
 * The parking desk's printouts in the print frame (components/print): permits as cards to put
 * behind the windshield, CARDS_PER_SHEET to an A4 sheet, each sheet its own page; and an
 * application's approval letter (核准函) on one A4 page. print.css of the desk styles them.
 */
import { formatDate, ROC_OFFSET, todayInTaipei } from '../../domain/dates';
import { formatPlate } from '../../domain/plates';
import { cardSheets, numberRanges, type ApprovalLetter, type PermitCard } from '../../domain/parking/print';
import { useApiRead } from '../app/hooks';
import { useLocale, useT } from '../app/i18n';
import { PrintFrame } from '../components/print/PrintFrame';
import { QrCode } from '../components/print/QrCode';
import { useParkingDesk } from './store';
import './print.css';

/** The print frames the desk may have open. */
export function ParkingPrints() {
  const cardIds = useParkingDesk((s) => s.cardIds);
  const letterId = useParkingDesk((s) => s.letterId);
  return (
    <>
      {cardIds && <CardsOverlay ids={cardIds} />}
      {letterId && <LetterOverlay id={letterId} />}
    </>
  );
}

function CardsOverlay({ ids }: { ids: string[] }) {
  const t = useT();
  const read = useApiRead('parking.cards', { ids });
  const cards = read.error ? null : read.data;
  return (
    <PrintFrame
      label={t('parking.ui.print.cards')}
      ready={!!cards}
      error={read.error}
      onClose={() => useParkingDesk.getState().printCards(null)}
      pages={cardSheets(cards ?? []).map((sheet, i) => (
        <div key={i} className="pk-sheet" data-testid="card-sheet">
          {sheet.map((card) => (
            <Card key={card.id} card={card} />
          ))}
        </div>
      ))}
    />
  );
}

function Card({ card }: { card: PermitCard }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const validity =
    card.type === 'annual' && card.year
      ? t('parking.ui.card.year', { year: locale === 'zh-TW' ? card.year - ROC_OFFSET : card.year })
      : card.validFrom === card.validTo
        ? formatDate(card.validFrom, locale)
        : `${formatDate(card.validFrom, locale)}–${formatDate(card.validTo, locale)}`;
  return (
    <section className={`pk-card pk-card--${card.type}`} aria-label={card.number}>
      <header className="pk-card-head">
        <span>{card.siteName}</span>
        <strong>{t(`parking.type.${card.type}`)}</strong>
      </header>
      <div className="pk-card-body">
        <div className="pk-card-text">
          <div className="pk-card-plates">{card.plates.map(formatPlate).join(' ')}</div>
          <div className="pk-card-validity">{validity}</div>
          <div>{card.areaName}</div>
          <div className="pk-card-agency">{card.agencyName}</div>
        </div>
        <QrCode text={card.number} size="26mm" label={t('parking.ui.card.qr', { number: card.number })} />
      </div>
      <footer className="pk-card-foot">
        <span className="pk-card-number">{card.number}</span>
        <span>{t(`parking.vehicle.${card.vehicleType}`)}</span>
      </footer>
      {card.void && <div className="pk-card-void">{t('parking.ui.card.void')}</div>}
    </section>
  );
}

function LetterOverlay({ id }: { id: string }) {
  const t = useT();
  const read = useApiRead('parking.letter', { id });
  const letter = read.error ? null : read.data;
  return (
    <PrintFrame
      label={t('parking.ui.letter.title')}
      ready={read.data !== undefined}
      error={read.error ?? (read.data === null ? t('parking.ui.letter.missing') : null)}
      onClose={() => useParkingDesk.getState().printLetter(null)}
    >
      {letter && <LetterPage letter={letter} />}
    </PrintFrame>
  );
}

function LetterPage({ letter: l }: { letter: ApprovalLetter }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const days = l.validFrom === l.validTo ? formatDate(l.validFrom, locale, 'long') : `${formatDate(l.validFrom, locale, 'long')}–${formatDate(l.validTo, locale, 'long')}`;
  const validity = l.type === 'annual' && l.year ? t('parking.ui.card.year', { year: locale === 'zh-TW' ? l.year - ROC_OFFSET : l.year }) : days;
  const ranges = numberRanges(l.numbers).map((r) => (r.first === r.last ? r.first : t('parking.ui.letter.range', { first: r.first, last: r.last })));
  const items = [
    t('parking.ui.letter.asked', { filed: formatDate(l.filedOn, locale, 'long'), count: l.countAsked, type: t(`parking.type.${l.type}`), purpose: l.purpose }),
    t('parking.ui.letter.issued', { count: l.numbers.length }),
    t('parking.ui.letter.where', { site: l.siteName, area: l.areaName, validity }),
    ...(l.bookingNumber ? [t('parking.ui.letter.booking', { number: l.bookingNumber })] : []),
    t('parking.ui.letter.rule'),
  ];
  return (
    <article className="pk-letter" data-testid="parking-letter">
      <header className="pk-letter-head">
        <div>{t('parking.ui.letter.issuer', { site: l.siteName })}</div>
        <h1>{t('parking.ui.letter.title')}</h1>
      </header>
      <table className="pk-letter-meta">
        <tbody>
          <tr>
            <th>{t('parking.ui.letter.to')}</th>
            <td>{l.agencyName}</td>
            <th>{t('parking.ui.letter.date')}</th>
            <td>{formatDate(todayInTaipei(), locale, 'long')}</td>
          </tr>
          <tr>
            <th>{t('parking.ui.letter.contact')}</th>
            <td>{l.contactName}</td>
            <th>{t('parking.ui.list.status')}</th>
            <td>{t(l.numbers.length < l.countAsked ? 'parking.application.partlyApproved' : 'parking.application.approved')}</td>
          </tr>
        </tbody>
      </table>
      <ol className="pk-letter-list">
        {items.map((text, i) => (
          <li key={i}>{text}</li>
        ))}
      </ol>
      <section className="pk-letter-numbers">
        <strong>{t('parking.ui.letter.numbers')}</strong>
        <p>{ranges.join(locale === 'zh-TW' ? '、' : ', ')}</p>
      </section>
      <footer className="pk-letter-foot">{t('parking.ui.letter.footer')}</footer>
    </article>
  );
}
