import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type {
  AssigneeRow,
  CategoryRow,
} from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';

/**
 * Adds a category or edits one: its two names, the department its cases go to, and who in that
 * department receives them by default.
 */
export function CategoryDialog({
  category,
  nextPosition,
  departments,
  staff,
  onClose,
  onSaved,
}: {
  category: CategoryRow | null;
  /** Where a new category goes: after the last one. */
  nextPosition: number;
  departments: readonly DepartmentRow[];
  staff: readonly AssigneeRow[];
  onClose: () => void;
  onSaved: (saved: CategoryRow) => void;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const create = useApiMutation('categories:create');
  const update = useApiMutation('categories:update');
  const call = category ? update : create;
  const [form, setForm] = useState({
    nameAr: category?.nameAr ?? '',
    nameFr: category?.nameFr ?? '',
    departmentId: category?.departmentId ?? '',
    defaultAssigneeId: category?.defaultAssigneeId ?? '',
    position: String(category?.position ?? nextPosition),
    active: category?.active ?? true,
  });
  const sortedDepartments = [...departments].sort((a, b) =>
    departmentName(a, language).localeCompare(departmentName(b, language), language),
  );
  const candidates = staff
    .filter((person) => form.departmentId !== '' && person.departmentId === form.departmentId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, language));

  const unlisted =
    form.defaultAssigneeId !== '' && !candidates.some((p) => p.id === form.defaultAssigneeId);

  const submit = () => {
    const position = Number(form.position);
    const input = {
      nameAr: form.nameAr,
      nameFr: form.nameFr,
      departmentId: form.departmentId || null,
      defaultAssigneeId: form.defaultAssigneeId || null,
      // Not a number: sent as is for core to refuse on the field.
      position: form.position.trim() === '' || Number.isNaN(position) ? -1 : position,
      active: form.active,
    };
    if (category) update.mutate({ id: category.id, ...input }, { onSuccess: onSaved });
    else create.mutate(input, { onSuccess: onSaved });
  };

  return (
    <FormDialog
      open
      title={
        category
          ? t('categoryAdmin.edit.title', { name: categoryName(category, language) })
          : t('categoryAdmin.create.title')
      }
      onClose={onClose}
      onSubmit={submit}
      submitLabel={category ? t('common:actions.save') : t('common:actions.create')}
      pending={call.isPending}
      error={call.error}
      testId="category-dialog"
    >
      <ApiTextField
        label={t('categoryAdmin.fields.nameAr')}
        name="nameAr"
        autoFocus
        required
        value={form.nameAr}
        onChange={(event) => setForm((f) => ({ ...f, nameAr: event.target.value }))}
        apiError={call.error}
        slotProps={{ htmlInput: { dir: 'rtl', lang: 'ar', 'data-testid': 'category-name-ar' } }}
      />
      <ApiTextField
        label={t('categoryAdmin.fields.nameFr')}
        name="nameFr"
        required
        value={form.nameFr}
        onChange={(event) => setForm((f) => ({ ...f, nameFr: event.target.value }))}
        apiError={call.error}
        slotProps={{ htmlInput: { dir: 'ltr', lang: 'fr', 'data-testid': 'category-name-fr' } }}
      />
      <ApiTextField
        select
        label={t('categoryAdmin.fields.department')}
        name="departmentId"
        value={form.departmentId}
        onChange={(event) => {
          const departmentId = event.target.value;
          setForm((f) => ({
            ...f,
            departmentId,
            // The default assignee belongs to the department; another department, another person.
            defaultAssigneeId: staff.some(
              (p) => p.id === f.defaultAssigneeId && p.departmentId === departmentId,
            )
              ? f.defaultAssigneeId
              : '',
          }));
        }}
        apiError={call.error}
        hint={t('categoryAdmin.fields.departmentHint')}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        data-testid="category-department"
      >
        <MenuItem value="">
          <em>{t('categoryAdmin.noDepartment')}</em>
        </MenuItem>
        {sortedDepartments.map((department) => (
          <MenuItem key={department.id} value={department.id}>
            {departmentName(department, language)}
          </MenuItem>
        ))}
      </ApiTextField>
      <ApiTextField
        select
        label={t('categoryAdmin.fields.defaultAssignee')}
        name="defaultAssigneeId"
        value={form.defaultAssigneeId}
        onChange={(event) => setForm((f) => ({ ...f, defaultAssigneeId: event.target.value }))}
        disabled={form.departmentId === ''}
        apiError={call.error}
        hint={
          form.departmentId === ''
            ? t('categoryAdmin.fields.defaultAssigneeNeedsDepartment')
            : candidates.length === 0
              ? t('categoryAdmin.fields.defaultAssigneeNobody')
              : t('categoryAdmin.fields.defaultAssigneeHint')
        }
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        data-testid="category-default-assignee"
      >
        <MenuItem value="">
          <em>{t('categoryAdmin.noDefaultAssignee')}</em>
        </MenuItem>
        {candidates.map((person) => (
          <MenuItem key={person.id} value={person.id}>
            {person.displayName}
          </MenuItem>
        ))}
        {unlisted && (
          // Saved earlier, no longer an active clerk or head of this department: shown, not lost.
          <MenuItem value={form.defaultAssigneeId}>{t('categoryAdmin.unlistedAssignee')}</MenuItem>
        )}
      </ApiTextField>
      <ApiTextField
        type="number"
        label={t('categoryAdmin.fields.position')}
        name="position"
        value={form.position}
        onChange={(event) => setForm((f) => ({ ...f, position: event.target.value }))}
        apiError={call.error}
        hint={t('categoryAdmin.fields.positionHint')}
        slotProps={{
          htmlInput: { min: 0, max: 10000, 'data-testid': 'category-position' },
        }}
      />
      <FormControlLabel
        control={
          <Switch
            checked={form.active}
            onChange={(event) => setForm((f) => ({ ...f, active: event.target.checked }))}
            data-testid="category-active"
          />
        }
        label={t('categoryAdmin.fields.active')}
      />
    </FormDialog>
  );
}
