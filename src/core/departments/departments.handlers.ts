import { AppError } from '../../shared/errors';
import { departmentsTable } from '../../shared/tables/platform.tables';
import type { HandlersFor } from '../handlers.types';
import { findDepartment, listDepartments } from './departments.repo';

export const departmentsHandlers: HandlersFor<'departments:'> = {
  'departments:list': (ctx) => listDepartments(ctx.db),

  'departments:create': (ctx, input) => {
    const id = ctx.write.insert(departmentsTable, { name_ar: input.nameAr, name_fr: input.nameFr });
    return findDepartment(ctx.db, id)!;
  },

  'departments:update': (ctx, input) => {
    if (!findDepartment(ctx.db, input.id))
      throw new AppError('NOT_FOUND', `department ${input.id} not found`);
    ctx.write.update(departmentsTable, input.id, { name_ar: input.nameAr, name_fr: input.nameFr });
    return findDepartment(ctx.db, input.id)!;
  },
};
