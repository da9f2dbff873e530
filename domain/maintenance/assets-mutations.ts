/** Mutations of assets (設備): create / update / archive / restore / delete. */
import { z } from 'zod';
import { DomainError } from '../errors';
import { businessDate } from '../mutations/calendar';
import { recordId, referenceMutations, requiredText, text } from '../mutations/reference';
import { ASSET_KINDS } from './assets';
import { PROJECT_ROLES } from './projects-mutations';

const assetFields = z.object({
  code: text(40),
  name: requiredText(100),
  kind: z.enum(ASSET_KINDS),
  spaceId: recordId,
  make: text(60),
  model: text(60),
  serialNo: text(60),
  installedOn: businessDate.nullable(),
  maintainerId: recordId.nullable(),
  note: text(1000),
});

export const assetMutationDefs = referenceMutations('asset', assetFields.partial({ code: true, make: true, model: true, serialNo: true, installedOn: true, maintainerId: true, note: true }), {
  roles: PROJECT_ROLES,
  parent: { kind: 'space', field: 'spaceId' },
  unique: ['code'],
  complete: (a) => ({ code: '', make: '', model: '', serialNo: '', installedOn: null, maintainerId: null, note: '', ...a }),
  async after(tx, id, args) {
    if (typeof args.maintainerId === 'string' && !(await tx.get('person', args.maintainerId))) throw new DomainError('error.notFound', { kind: 'person', id: args.maintainerId }, 'maintainerId');
  },
});
