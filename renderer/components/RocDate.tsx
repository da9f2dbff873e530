/**
 * A business date or an instant as text in the user's language: 111/01/31 (or
 * 111年1月31日 with style="long") in zh-TW, 2022-01-31 in English; instants in Taipei time.
 *
 *   <RocDate date="2022-01-31" />   <RocDate instant={record.updatedAt} />
 */
import { formatDate, formatInstant, isBusinessDate, type BusinessDate } from '../../domain/dates';
import { useLocale } from '../app/i18n';

export type RocDateProps = { style?: 'short' | 'long' } & ({ date: BusinessDate | null | undefined; instant?: never } | { instant: string | null | undefined; date?: never });

export function RocDate(props: RocDateProps) {
  const locale = useLocale((s) => s.locale);
  if (props.date != null) {
    if (!isBusinessDate(props.date)) return <span>{props.date}</span>;
    return <time dateTime={props.date}>{formatDate(props.date, locale, props.style)}</time>;
  }
  if (props.instant != null) {
    if (Number.isNaN(Date.parse(props.instant))) return <span>{props.instant}</span>;
    return <time dateTime={props.instant}>{formatInstant(props.instant, locale)}</time>;
  }
  return null;
}
