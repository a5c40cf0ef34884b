import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssigneeRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';

/** Hands the case to one person; the list holds only those this user may hand it to. */
export function AssignDialog({
  detail,
  assignees,
  departmentNames,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  assignees: readonly AssigneeRow[];
  departmentNames: ReadonlyMap<string, string>;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('cases');
  const assign = useApiMutation('cases:assign');
  const [assigneeId, setAssigneeId] = useState(detail.assigneeId ?? '');
  // The case's own department first: that is where the work usually goes.
  const sorted = [...assignees].sort(
    (a, b) =>
      Number(b.departmentId === detail.departmentId) -
        Number(a.departmentId === detail.departmentId) ||
      a.displayName.localeCompare(b.displayName),
  );
  return (
    <FormDialog
      open
      title={t('assign.title')}
      onClose={onClose}
      onSubmit={() => assign.mutate({ ids: [detail.id], assigneeId }, { onSuccess: onDone })}
      submitLabel={t('assign.submit')}
      pending={assign.isPending}
      error={assign.error}
      testId="assign-dialog"
    >
      <ApiTextField
        select
        label={t('facts.assignee')}
        name="assigneeId"
        required
        value={assigneeId}
        onChange={(event) => setAssigneeId(event.target.value)}
        apiError={assign.error}
        hint={sorted.length === 0 ? t('assign.nobody') : undefined}
        data-testid="assign-assignee"
        slotProps={{
          select: {
            renderValue: (id) => assignees.find((a) => a.id === id)?.displayName ?? '',
          },
        }}
      >
        {sorted.map((assignee) => (
          <MenuItem key={assignee.id} value={assignee.id}>
            <ListItemText
              primary={assignee.displayName}
              secondary={
                assignee.departmentId ? departmentNames.get(assignee.departmentId) : undefined
              }
              sx={{ my: 0 }}
            />
          </MenuItem>
        ))}
      </ApiTextField>
    </FormDialog>
  );
}
