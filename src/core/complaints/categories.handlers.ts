import type { CategoryRow } from '../../shared/api/procedures/complaints.procedures';
import { AppError } from '../../shared/errors';
import { categoriesTable } from '../../shared/tables/complaints.tables';
import type { RowValues } from '../../shared/tables/define-table';
import { findDepartment } from '../departments/departments.repo';
import type { HandlerContext } from '../handler-context';
import type { HandlersFor } from '../handlers.types';
import { findCategory, listCategories } from './categories.repo';
import { findStaffMember, handlesCases } from './staff.repo';

type CategoryInput = Omit<CategoryRow, 'id'>;

/** A category routes new cases: its department must exist, its default assignee take cases. */
function checkedValues(
  ctx: HandlerContext,
  input: CategoryInput,
): RowValues<typeof categoriesTable> {
  if (input.departmentId !== null && !findDepartment(ctx.db, input.departmentId)) {
    throw new AppError('VALIDATION', 'unknown department', { departmentId: 'not_found' });
  }
  if (input.defaultAssigneeId !== null) {
    const assignee = findStaffMember(ctx.db, input.defaultAssigneeId);
    if (!assignee)
      throw new AppError('VALIDATION', 'unknown user', { defaultAssigneeId: 'not_found' });
    if (!handlesCases(assignee)) throw new AppError('ASSIGNEE_NOT_ELIGIBLE');
  }
  return {
    name_ar: input.nameAr,
    name_fr: input.nameFr,
    department_id: input.departmentId,
    default_assignee_id: input.defaultAssigneeId,
    position: input.position,
    active: input.active,
  };
}

function existingCategory(ctx: HandlerContext, id: string): CategoryRow {
  const category = findCategory(ctx.db, id);
  if (!category) throw new AppError('NOT_FOUND', `category ${id} not found`);
  return category;
}

export const categoriesHandlers: HandlersFor<'categories:'> = {
  'categories:list': (ctx, input) => listCategories(ctx.db, input.includeInactive ?? false),

  'categories:create': (ctx, input) => {
    const id = ctx.write.insert(categoriesTable, checkedValues(ctx, input));
    return existingCategory(ctx, id);
  },

  'categories:update': (ctx, { id, ...input }) => {
    existingCategory(ctx, id);
    ctx.write.update(categoriesTable, id, checkedValues(ctx, input));
    return existingCategory(ctx, id);
  },
};
