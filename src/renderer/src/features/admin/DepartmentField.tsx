import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../shared/api/procedures/admin.procedures';
import { useLanguage } from '../../app/LanguageProvider';
import { departmentName } from './department-name';

/** The department a user belongs to, or none (an empty string stands for none). */
export function DepartmentField({
  departments,
  value,
  onChange,
  error,
}: {
  departments: readonly DepartmentRow[];
  value: string;
  onChange: (departmentId: string) => void;
  error: string | undefined;
}) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const sorted = [...departments].sort((a, b) =>
    departmentName(a, language).localeCompare(departmentName(b, language), language),
  );
  return (
    <TextField
      select
      label={t('users.fields.department')}
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={!!error}
      helperText={error}
      slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
      data-testid="user-department"
    >
      <MenuItem value="">
        <em>{t('users.noDepartment')}</em>
      </MenuItem>
      {sorted.map((department) => (
        <MenuItem key={department.id} value={department.id}>
          {departmentName(department, language)}
        </MenuItem>
      ))}
    </TextField>
  );
}
