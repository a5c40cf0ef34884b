import { z } from 'zod';
import { isoDateSchema } from '../complaints/complaint-values';
import { column, defineTable } from './define-table';
import { nameSchema } from './platform.tables';

export const holidayKindSchema = z.enum(['civil', 'religious', 'exceptional']);

/**
 * Public holidays (DOMAIN.md, Working days): religious ones follow the moon sighting, so the
 * administrator corrects this list and deadlines counted in working days follow it.
 */
export const holidaysTable = defineTable({
  name: 'holidays',
  appendOnly: false,
  deleteRoles: ['admin'],
  columns: {
    day: column('text', isoDateSchema, { write: ['admin'] }),
    name_ar: column('text', nameSchema, { write: ['admin'] }),
    name_fr: column('text', nameSchema, { write: ['admin'] }),
    kind: column('text', holidayKindSchema, { write: ['admin'] }),
  },
});
