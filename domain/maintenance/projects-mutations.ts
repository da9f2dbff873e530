/** Mutations of projects (工程) and their phases (階段): create / update / archive / restore / delete. */
import { z } from 'zod';
import { DomainError } from '../errors';
import { businessDate } from '../mutations/calendar';
import { mustGet, recordId, referenceMutations, requiredText, text } from '../mutations/reference';
import type { Tx } from '../mutations/tx';
import type { Role } from '../roles';
import { PROJECT_STATUSES, datesProblem } from './projects';

/** Who keeps projects and assets. */
export const PROJECT_ROLES: readonly Role[] = ['admin', 'supervisor', 'maintenance_clerk'];

const dates = {
  plannedStart: businessDate.nullable(),
  plannedEnd: businessDate.nullable(),
  actualStart: businessDate.nullable(),
  actualEnd: businessDate.nullable(),
};
const noDates = { plannedStart: null, plannedEnd: null, actualStart: null, actualEnd: null };

const projectFields = z.object({
  name: requiredText(100),
  scope: text(1000),
  contractorId: recordId.nullable(),
  budget: z.number().int().min(0).max(100_000_000_000).nullable(),
  status: z.enum(PROJECT_STATUSES),
  ...dates,
  note: text(1000),
});

const phaseFields = z.object({
  projectId: recordId,
  seq: z.number().int().min(0).max(999),
  name: requiredText(100),
  scope: text(1000),
  ...dates,
});

function checkDates(record: Parameters<typeof datesProblem>[0]): void {
  const problem = datesProblem(record);
  if (problem) throw new DomainError(`project.error.${problem.code}`, {}, problem.field);
}

async function checkContractor(tx: Tx, id: string | null): Promise<void> {
  if (!id) return;
  if (!(await tx.get('person', id))) throw new DomainError('error.notFound', { kind: 'person', id }, 'contractorId');
}

export const projectMutationDefs = [
  ...referenceMutations(
    'project',
    projectFields.partial({ scope: true, contractorId: true, budget: true, status: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true, note: true }),
    {
      roles: PROJECT_ROLES,
      complete: (a) => ({ scope: '', contractorId: null, budget: null, status: 'planned', ...noDates, note: '', ...a }),
      async after(tx, id) {
        const project = await mustGet(tx, 'project', id);
        checkDates(project);
        await checkContractor(tx, project.contractorId);
      },
    },
  ),
  ...referenceMutations('projectPhase', phaseFields.partial({ scope: true, seq: true, plannedStart: true, plannedEnd: true, actualStart: true, actualEnd: true }), {
    roles: PROJECT_ROLES,
    parent: { kind: 'project', field: 'projectId' },
    complete: (a) => ({ scope: '', seq: 0, ...noDates, ...a }),
    async after(tx, id) {
      checkDates(await mustGet(tx, 'projectPhase', id));
    },
  }),
];
