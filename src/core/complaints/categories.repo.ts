import type { CategoryRow } from '../../shared/api/procedures/complaints.procedures';
import { categoriesTable } from '../../shared/tables/complaints.tables';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';

function toCategoryRow(raw: Record<string, unknown>): CategoryRow {
  const category = rowFromStorage(categoriesTable, raw);
  return {
    id: category.id,
    nameAr: category.name_ar,
    nameFr: category.name_fr,
    departmentId: category.department_id,
    defaultAssigneeId: category.default_assignee_id,
    position: category.position,
    active: category.active,
  };
}

export function findCategory(db: Db, id: string): CategoryRow | null {
  const raw = statement(db, 'SELECT * FROM categories WHERE id = ? AND deleted = 0').get(id) as
    Record<string, unknown> | undefined;
  return raw ? toCategoryRow(raw) : null;
}

export function listCategories(db: Db, includeInactive: boolean): CategoryRow[] {
  const raws = statement(
    db,
    `SELECT * FROM categories WHERE deleted = 0 AND (active = 1 OR ?)
     ORDER BY position, name_ar, id`,
  ).all(includeInactive ? 1 : 0) as Record<string, unknown>[];
  return raws.map(toCategoryRow);
}
