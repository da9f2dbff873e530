/** A problem (a refusal's code and parameters) in the reader's words: the backend's answers and the screens' instant checks say it the same way. */
import { formatDate, isBusinessDate, type Locale } from '../dates';
import type { Problem } from '../errors';
import { hasMessage, translate } from './index';

/** A problem in words, with field names translated where the catalog knows them. */
export function renderProblem(problem: Problem, locale: Locale): string {
  const params = { ...problem.params };
  if (typeof params.field === 'string' && hasMessage(`field.${params.field}`)) params.field = translate(locale, `field.${params.field}` as never);
  if (typeof params.kind === 'string' && hasMessage(`kind.${params.kind}`)) params.kind = translate(locale, `kind.${params.kind}` as never);
  // A parameter may itself name a catalog entry (a ticket's status), written 'msg:<key>'.
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v.startsWith('msg:') && hasMessage(v.slice(4))) params[k] = translate(locale, v.slice(4) as never);
  // Or a calendar date, written 'date:YYYY-MM-DD', shown as the reader writes dates (111/01/31).
  for (const [k, v] of Object.entries(params)) if (typeof v === 'string' && v.startsWith('date:') && isBusinessDate(v.slice(5))) params[k] = formatDate(v.slice(5), locale);
  return translate(locale, problem.code, params);
}
