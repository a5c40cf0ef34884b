import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation } from '../../../api/hooks';
import { fieldError } from '../../../components/field-error';
import { FormDialog } from '../../../components/FormDialog';
import { departmentName } from '../../admin/department-name';

/** Sends cases (one, or those checked in the queue) to a department; core routes all or none. */
export function RouteDialog({
  ids,
  title,
  intro,
  initialDepartmentId = '',
  departments,
  onClose,
  onDone,
}: {
  ids: readonly string[];
  /** Says whether one case or a selection is being sent. */
  title: string;
  intro?: string;
  initialDepartmentId?: string;
  departments: readonly DepartmentRow[];
  onClose: () => void;
  onDone: (updated: number) => void;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const route = useApiMutation('cases:route');
  const [departmentId, setDepartmentId] = useState(initialDepartmentId);
  const [missing, setMissing] = useState(false);
  const sorted = [...departments].sort((a, b) =>
    departmentName(a, language).localeCompare(departmentName(b, language), language),
  );
  const problem = missing ? t('validation:required') : fieldError(route.error, 'departmentId', t);
  return (
    <FormDialog
      open
      title={title}
      onClose={onClose}
      onSubmit={() => {
        if (!departmentId) return setMissing(true);
        route.mutate(
          { ids: [...ids], departmentId },
          { onSuccess: ({ updated }) => onDone(updated) },
        );
      }}
      submitLabel={t('queue.route.submit')}
      pending={route.isPending}
      error={route.error}
      testId="route-dialog"
    >
      {intro && <Typography color="text.secondary">{intro}</Typography>}
      <TextField
        select
        autoFocus
        required
        label={t('queue.route.department')}
        name="departmentId"
        value={departmentId}
        onChange={(event) => {
          setDepartmentId(event.target.value);
          setMissing(false);
        }}
        error={problem !== undefined}
        helperText={problem}
        data-testid="route-department"
      >
        {sorted.map((department) => (
          <MenuItem key={department.id} value={department.id}>
            {departmentName(department, language)}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
