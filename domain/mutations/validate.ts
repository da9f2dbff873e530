/**
 * Turns a failed argument check into a problem that names the field. Parse with
 * `{ reportInput: true }`: only then can a missing value be told from a wrong one.
 */
import type { z } from 'zod';
import type { Problem } from '../errors';

export function problemFromZod(error: z.ZodError): Problem {
  const issue = error.issues[0];
  const field = issue.path.map(String).join('.') || 'args';
  const leaf = String(issue.path.filter((p) => typeof p === 'string').at(-1) ?? field);
  const params = { field: leaf };
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'error.required' : 'error.wrongType', params, field };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'error.required', params, field };
      if (issue.origin === 'array' && Number(issue.minimum) <= 1) return { code: 'error.required', params, field };
      return {
        code: issue.origin === 'string' ? 'error.tooShort' : 'error.tooSmall',
        params: { ...params, min: Number(issue.minimum) },
        field,
      };
    case 'too_big':
      return {
        code: issue.origin === 'string' ? 'error.tooLong' : 'error.tooBig',
        params: { ...params, max: Number(issue.maximum) },
        field,
      };
    case 'invalid_value':
      if ('input' in issue && issue.input === undefined) return { code: 'error.required', params, field };
      return { code: 'error.invalidChoice', params, field };
    case 'unrecognized_keys':
      return { code: 'error.unknownField', params: { field: issue.keys[0] ?? field }, field: issue.keys[0] ?? field };
    case 'custom':
      return { code: issue.message === 'date' ? 'error.invalidDate' : 'error.invalid', params, field };
    default:
      return { code: 'error.invalid', params, field };
  }
}
