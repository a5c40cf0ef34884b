import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { AssigneeRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { fieldError } from '../../../components/field-error';
import { FormDialog } from '../../../components/FormDialog';
import { departmentName } from '../../admin/department-name';

/**
 * Gives cases (one, or those checked in the queue) to one member of staff. The list narrows to a
 * department's clerks and heads once a department is chosen (the cases' own, when they share
 * one); core decides who may hand work to whom and refuses all of the cases or none.
 */
export function AssignDialog({
  ids,
  title,
  initialDepartmentId,
  departments,
  eligible = () => true,
  onClose,
  onDone,
}: {
  ids: readonly string[];
  /** Says whether one case or a selection is being given. */
  title: string;
  initialDepartmentId: string;
  departments: readonly DepartmentRow[];
  /** Where the page already knows whom core would refuse, they are not offered. */
  eligible?: (person: AssigneeRow) => boolean;
  onClose: () => void;
  onDone: (updated: number) => void;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const assignees = useApiQuery('complaints:assignees', {});
  const assign = useApiMutation('cases:assign');
  const [departmentId, setDepartmentId] = useState(initialDepartmentId);
  const [assigneeId, setAssigneeId] = useState('');
  const [missing, setMissing] = useState(false);
  const sortedDepartments = [...departments].sort((a, b) =>
    departmentName(a, language).localeCompare(departmentName(b, language), language),
  );
  const candidates = (assignees.data ?? [])
    .filter((person) => eligible(person))
    .filter((person) => !departmentId || person.departmentId === departmentId)
    .sort((a, b) => a.displayName.localeCompare(b.displayName, language));
  const problem = missing ? t('validation:required') : fieldError(assign.error, 'assigneeId', t);
  return (
    <FormDialog
      open
      title={title}
      onClose={onClose}
      onSubmit={() => {
        if (!assigneeId) return setMissing(true);
        assign.mutate(
          { ids: [...ids], assigneeId },
          { onSuccess: ({ updated }) => onDone(updated) },
        );
      }}
      submitLabel={t('queue.assign.submit')}
      pending={assign.isPending}
      error={assign.error}
      testId="assign-dialog"
    >
      {assignees.isError && <ErrorAlert error={assignees.error} />}
      <TextField
        select
        label={t('queue.assign.department')}
        value={departmentId}
        onChange={(event) => {
          setDepartmentId(event.target.value);
          setAssigneeId('');
        }}
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        helperText={t('queue.assign.departmentHint')}
        data-testid="assign-department"
      >
        <MenuItem value="">{t('queue.assign.allDepartments')}</MenuItem>
        {sortedDepartments.map((department) => (
          <MenuItem key={department.id} value={department.id}>
            {departmentName(department, language)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        select
        autoFocus
        required
        label={t('queue.assign.assignee')}
        name="assigneeId"
        value={assigneeId}
        onChange={(event) => {
          setAssigneeId(event.target.value);
          setMissing(false);
        }}
        error={problem !== undefined}
        helperText={problem ?? (candidates.length === 0 ? t('queue.assign.nobody') : undefined)}
        data-testid="assign-assignee"
      >
        {candidates.map((person) => (
          <MenuItem key={person.id} value={person.id}>
            {person.displayName}
            <Typography component="span" variant="body2" color="text.secondary" sx={{ mx: 1 }}>
              {person.roles
                .filter((role) => role === 'clerk' || role === 'head')
                .map((role) => t(`common:roles.${role}`))
                .join(language === 'ar' ? '، ' : ', ')}
            </Typography>
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
}
