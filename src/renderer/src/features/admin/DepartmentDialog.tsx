import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../shared/api/procedures/admin.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { useApiMutation } from '../../api/hooks';
import { FormDialog } from '../../components/FormDialog';
import { departmentName } from './department-name';
import { ApiTextField } from '../../components/ApiTextField';

/** Adds a department, or renames one when `department` is given; both official names required. */
export function DepartmentDialog({
  department,
  onClose,
  onSaved,
}: {
  department: DepartmentRow | null;
  onClose: () => void;
  onSaved: (saved: DepartmentRow) => void;
}) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const create = useApiMutation('departments:create');
  const update = useApiMutation('departments:update');
  const call = department ? update : create;
  const [form, setForm] = useState({
    nameAr: department?.nameAr ?? '',
    nameFr: department?.nameFr ?? '',
  });
  const submit = () => {
    if (department) update.mutate({ id: department.id, ...form }, { onSuccess: onSaved });
    else create.mutate(form, { onSuccess: onSaved });
  };
  return (
    <FormDialog
      open
      title={
        department
          ? t('departments.edit.title', { name: departmentName(department, language) })
          : t('departments.create.title')
      }
      onClose={onClose}
      onSubmit={submit}
      submitLabel={department ? t('common:actions.save') : t('common:actions.create')}
      pending={call.isPending}
      error={call.error}
      testId="department-dialog"
    >
      <ApiTextField
        label={t('departments.fields.nameAr')}
        name="nameAr"
        autoFocus
        required
        value={form.nameAr}
        onChange={(event) => setForm((f) => ({ ...f, nameAr: event.target.value }))}
        apiError={call.error}
        hint={t('departments.fields.nameArHint')}
        slotProps={{ htmlInput: { dir: 'rtl', lang: 'ar' } }}
      />
      <ApiTextField
        label={t('departments.fields.nameFr')}
        name="nameFr"
        required
        value={form.nameFr}
        onChange={(event) => setForm((f) => ({ ...f, nameFr: event.target.value }))}
        apiError={call.error}
        hint={t('departments.fields.nameFrHint')}
        slotProps={{ htmlInput: { dir: 'ltr', lang: 'fr' } }}
      />
    </FormDialog>
  );
}
