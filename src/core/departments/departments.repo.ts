import type { DepartmentRow } from '../../shared/api/procedures/admin.procedures';
import { statement, type Db } from '../db/connection';

interface DepartmentRecord {
  id: string;
  name_ar: string;
  name_fr: string;
}

const toRow = (record: DepartmentRecord): DepartmentRow => ({
  id: record.id,
  nameAr: record.name_ar,
  nameFr: record.name_fr,
});

export function listDepartments(db: Db): DepartmentRow[] {
  const records = statement(
    db,
    'SELECT id, name_ar, name_fr FROM departments WHERE deleted = 0 ORDER BY name_ar',
  ).all() as DepartmentRecord[];
  return records.map(toRow);
}

export function findDepartment(db: Db, id: string): DepartmentRow | null {
  const record = statement(
    db,
    'SELECT id, name_ar, name_fr FROM departments WHERE id = ? AND deleted = 0',
  ).get(id) as DepartmentRecord | undefined;
  return record ? toRow(record) : null;
}

export function countDepartments(db: Db): number {
  return (
    statement(db, 'SELECT count(*) AS n FROM departments WHERE deleted = 0').get() as { n: number }
  ).n;
}
