import FilterAltOffIcon from '@mui/icons-material/FilterAltOff';
import SearchIcon from '@mui/icons-material/Search';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import InputAdornment from '@mui/material/InputAdornment';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import {
  complaintKinds,
  complaintStatuses,
} from '../../../../../shared/complaints/complaint-values';
import { useLanguage } from '../../../app/LanguageProvider';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import { noQueueFilters, type QueueFilterValues } from '../shared/queue-memory';

/** Full-text search (number, citizen, subject, description) and the queue's filters. */
export function QueueFilters({
  search,
  onSearchChange,
  value,
  onChange,
  categories,
  departments,
}: {
  search: string;
  onSearchChange: (search: string) => void;
  value: QueueFilterValues;
  onChange: (next: QueueFilterValues) => void;
  categories: readonly CategoryRow[];
  departments: readonly DepartmentRow[];
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const set =
    <K extends keyof QueueFilterValues>(field: K) =>
    (next: QueueFilterValues[K]) =>
      onChange({ ...value, [field]: next });
  const common = {
    size: 'small',
    margin: 'none',
    fullWidth: true,
    select: true,
    slotProps: { select: { displayEmpty: true }, inputLabel: { shrink: true } },
  } as const;
  const filtered = search !== '' || JSON.stringify(value) !== JSON.stringify(noQueueFilters);
  const byName = <T,>(items: readonly T[], name: (item: T) => string) =>
    [...items].sort((a, b) => name(a).localeCompare(name(b), language));
  return (
    <Paper
      variant="outlined"
      sx={{ p: 2, mb: 2 }}
      role="search"
      aria-label={t('queue.filters.title')}
    >
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
          alignItems: 'center',
        }}
      >
        <TextField
          label={t('queue.search')}
          placeholder={t('queue.searchHint')}
          type="search"
          value={search}
          onChange={(event) => onSearchChange(event.target.value)}
          size="small"
          margin="none"
          sx={{ gridColumn: { sm: 'span 2' } }}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
            inputLabel: { shrink: true },
          }}
          data-testid="queue-search"
        />
        <TextField
          {...common}
          label={t('queue.filters.kind')}
          value={value.kind}
          onChange={(event) => set('kind')(event.target.value as QueueFilterValues['kind'])}
          data-testid="queue-filter-kind"
        >
          <MenuItem value="">{t('queue.filters.any')}</MenuItem>
          {complaintKinds.map((kind) => (
            <MenuItem key={kind} value={kind}>
              {t(`kinds.${kind}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...common}
          label={t('queue.filters.status')}
          value={value.status}
          onChange={(event) => set('status')(event.target.value as QueueFilterValues['status'])}
          data-testid="queue-filter-status"
        >
          <MenuItem value="">{t('queue.filters.any')}</MenuItem>
          {complaintStatuses.map((status) => (
            <MenuItem key={status} value={status}>
              {t(`statuses.${status}`)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...common}
          label={t('queue.filters.category')}
          value={value.categoryId}
          onChange={(event) => set('categoryId')(event.target.value)}
          data-testid="queue-filter-category"
        >
          <MenuItem value="">{t('queue.filters.any')}</MenuItem>
          {byName(categories, (c) => categoryName(c, language)).map((category) => (
            <MenuItem key={category.id} value={category.id}>
              {categoryName(category, language)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          {...common}
          label={t('queue.filters.department')}
          value={value.departmentId}
          onChange={(event) => set('departmentId')(event.target.value)}
          data-testid="queue-filter-department"
        >
          <MenuItem value="">{t('queue.filters.any')}</MenuItem>
          {byName(departments, (d) => departmentName(d, language)).map((department) => (
            <MenuItem key={department.id} value={department.id}>
              {departmentName(department, language)}
            </MenuItem>
          ))}
        </TextField>
        <FormControlLabel
          control={
            <Switch
              checked={value.urgentOnly}
              onChange={(event) => set('urgentOnly')(event.target.checked)}
              data-testid="queue-filter-urgent"
            />
          }
          label={t('queue.filters.urgentOnly')}
        />
        {filtered && (
          <Button
            startIcon={<FilterAltOffIcon />}
            onClick={() => {
              onSearchChange('');
              onChange(noQueueFilters);
            }}
            sx={{ justifySelf: 'start' }}
            data-testid="queue-filters-clear"
          >
            {t('queue.filters.clear')}
          </Button>
        )}
      </Box>
    </Paper>
  );
}
