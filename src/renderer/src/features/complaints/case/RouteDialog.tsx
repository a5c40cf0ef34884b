import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';
import { localName } from './case-names';

/** Sends the case to the department that will answer it. */
export function RouteDialog({
  detail,
  departments,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  departments: readonly DepartmentRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const route = useApiMutation('cases:route');
  const [departmentId, setDepartmentId] = useState(detail.departmentId ?? '');
  const sorted = [...departments].sort((a, b) =>
    localName(a, language).localeCompare(localName(b, language), language),
  );
  return (
    <FormDialog
      open
      title={t('route.title')}
      onClose={onClose}
      onSubmit={() => route.mutate({ ids: [detail.id], departmentId }, { onSuccess: onDone })}
      submitLabel={t('route.submit')}
      pending={route.isPending}
      error={route.error}
      testId="route-dialog"
    >
      <ApiTextField
        select
        label={t('facts.department')}
        name="departmentId"
        required
        value={departmentId}
        onChange={(event) => setDepartmentId(event.target.value)}
        apiError={route.error}
        data-testid="route-department"
      >
        {sorted.map((department) => (
          <MenuItem key={department.id} value={department.id}>
            {localName(department, language)}
          </MenuItem>
        ))}
      </ApiTextField>
    </FormDialog>
  );
}
