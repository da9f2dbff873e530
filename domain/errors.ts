/**
 * Errors that reach a user carry a message key and parameters, not prose: the
 * workstation renders them in its user's language, and a server refusal travels as
 * data in the same form.
 */
import type { MessageKey, MessageParams } from './i18n';

export interface Problem {
  code: MessageKey;
  params: MessageParams;
  /** The argument the problem is about, when there is one (for forms to highlight). */
  field?: string;
}

/** What a call that may be refused answers: its result, or the refusal in the reader's language. */
export type Outcome<T = object> = ({ ok: true } & T) | { ok: false; problem: Problem; message: string };

export class DomainError extends Error {
  readonly problem: Problem;
  constructor(code: MessageKey, params: MessageParams = {}, field?: string) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'DomainError';
    this.problem = { code, params, ...(field ? { field } : {}) };
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
