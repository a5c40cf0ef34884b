import { useApiQuery } from '../../api/hooks';
import { useLanguage } from '../../app/LanguageProvider';
import { mayCall } from '../../../../shared/api/may-call';
import { departmentName } from '../admin/department-name';
import { categoryName } from '../complaints/shared/category-name';

import type { RecordNames } from './record-names';

/**
 * Loads the lists that name users, departments and categories, once there is something to name;
 * a name is null where this user cannot look the record up.
 */
export function useRecordNames(enabled: boolean): RecordNames {
  const { language } = useLanguage();
  const me = useApiQuery('session:status', {}).data?.user ?? null;
  const staff = useApiQuery(
    'complaints:assignees',
    {},
    { enabled: enabled && me !== null && mayCall('complaints:assignees', me.roles) },
  );
  const departments = useApiQuery('departments:list', {}, { enabled });
  const categories = useApiQuery('categories:list', { includeInactive: true }, { enabled });

  const users = new Map((staff.data ?? []).map((row) => [row.id, row.displayName]));
  if (me) users.set(me.id, me.displayName);
  const departmentNames = new Map(
    (departments.data ?? []).map((row) => [row.id, departmentName(row, language)]),
  );
  const categoryNames = new Map(
    (categories.data ?? []).map((row) => [row.id, categoryName(row, language)]),
  );
  return {
    user: (id) => users.get(id) ?? null,
    department: (id) => departmentNames.get(id) ?? null,
    category: (id) => categoryNames.get(id) ?? null,
  };
}
