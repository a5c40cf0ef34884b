import { z } from 'zod';
import { isoDateSchema } from '../complaints/complaint-values';
import { column, defineTable } from './define-table';
import { nameSchema } from './platform.tables';

/**
 * A correction of the calendar computed in code (shared/calendar): a religious holiday on the day
 * the moon was sighted, an exceptional day off, or a predicted holiday that is `not_a_holiday`.
 */
export const holidayKindSchema = z.enum(['religious', 'exceptional', 'not_a_holiday']);

/**
 * The administrator's corrections to the public holidays (DOMAIN.md, Working days): religious ones
 * follow the moon sighting, so deadlines counted in working days follow this list.
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
