import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../app/LanguageProvider';
import { formatDate } from '../../format/dates';
import type { UserRow } from '../../../../shared/api/procedures/admin.procedures';
import { auditActionKey, noAuditFilters, type AuditFilterValues } from './audit-format';

/** Who, what, which record and when; the user filter only for those who may list users. */
export function AuditFilters({
  value,
  onChange,
  actions,
  users,
}: {
  value: AuditFilterValues;
  onChange: (next: AuditFilterValues) => void;
  actions: readonly string[];
  /** Null when the signed-in user may not list users. */
  users: readonly UserRow[] | null;
}) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  // The native date field writes the day in the browser's order (often mm/dd/yyyy): spell it out.
  const spelled = (day: string) => {
    const [year, month, date] = day.split('-').map(Number);
    return year && month && date
      ? formatDate(new Date(year, month - 1, date), language)
      : undefined;
  };
  const set = (field: keyof AuditFilterValues) => (event: { target: { value: string } }) =>
    onChange({ ...value, [field]: event.target.value });
  const common = { size: 'small', margin: 'none', fullWidth: true } as const;
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, mb: 2 }}
      role="search"
      aria-label={t('audit.filters.title')}
    >
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(210px, 1fr))',
          alignItems: 'center',
        }}
      >
        {users && (
          <TextField
            {...common}
            select
            label={t('audit.filters.user')}
            value={value.userId}
            onChange={set('userId')}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
            data-testid="audit-filter-user"
          >
            <MenuItem value="">{t('audit.filters.allUsers')}</MenuItem>
            {users.map((user) => (
              <MenuItem key={user.id} value={user.id}>
                {user.displayName}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          {...common}
          select
          label={t('audit.filters.action')}
          value={value.action}
          onChange={set('action')}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          data-testid="audit-filter-action"
        >
          <MenuItem value="">{t('audit.filters.allActions')}</MenuItem>
          {actions.map((action) => (
            <MenuItem key={action} value={action}>
              {t(auditActionKey(action), { defaultValue: action })}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...common}
          label={t('audit.filters.tableName')}
          value={value.tableName}
          onChange={set('tableName')}
          placeholder={t('audit.filters.tableNameExample')}
          slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false }, inputLabel: { shrink: true } }}
          data-testid="audit-filter-table"
        />
        <TextField
          {...common}
          label={t('audit.filters.rowId')}
          value={value.rowId}
          onChange={set('rowId')}
          slotProps={{ htmlInput: { dir: 'ltr', spellCheck: false }, inputLabel: { shrink: true } }}
          data-testid="audit-filter-row"
        />
        <TextField
          {...common}
          type="date"
          label={t('audit.filters.from')}
          value={value.from}
          onChange={set('from')}
          helperText={spelled(value.from)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { max: value.to || undefined } }}
          data-testid="audit-filter-from"
        />
        <TextField
          {...common}
          type="date"
          label={t('audit.filters.to')}
          value={value.to}
          onChange={set('to')}
          helperText={spelled(value.to)}
          slotProps={{ inputLabel: { shrink: true }, htmlInput: { min: value.from || undefined } }}
          data-testid="audit-filter-to"
        />
        <Box>
          <Button
            startIcon={<FilterAltOffIcon />}
            onClick={() => onChange(noAuditFilters)}
            disabled={Object.values(value).every((v) => v === '')}
            data-testid="audit-filter-clear"
          >
            {t('audit.filters.clear')}
          </Button>
        </Box>
      </Box>
    </Paper>
  );
}
