import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';
import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { useLanguage } from '../../../app/LanguageProvider';
import { ApiTextField } from '../../../components/ApiTextField';
import { fieldError } from '../../../components/field-error';
import { departmentName } from '../../admin/department-name';
import { categoryName } from '../shared/category-name';
import type { IntakeFieldsProps } from './intake-fields';

/** What the matter is and where: the category routes it, the district helps find duplicates. */
export function MatterFields({
  form,
  onChange,
  error,
  categories,
  departments,
  districts,
}: IntakeFieldsProps & {
  /** Active categories, in the administrator's order. */
  categories: readonly CategoryRow[];
  departments: readonly DepartmentRow[];
  /** Districts already used in the register, offered as the clerk types. */
  districts: readonly string[];
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const chosen = categories.find((category) => category.id === form.categoryId);
  const department = chosen?.departmentId
    ? departments.find((d) => d.id === chosen.departmentId)
    : undefined;
  const districtProblem = fieldError(error, 'district', t);
  return (
    <>
      <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { sm: '1fr 1fr' } }}>
        <ApiTextField
          select
          required
          label={t('intake.fields.categoryId')}
          name="categoryId"
          value={form.categoryId}
          onChange={(event) => onChange('categoryId', event.target.value)}
          apiError={error}
          hint={
            department
              ? t('intake.fields.categoryRoutesTo', {
                  department: departmentName(department, language),
                })
              : undefined
          }
          data-testid="intake-category"
        >
          {categories.map((category) => (
            <MenuItem key={category.id} value={category.id}>
              {categoryName(category, language)}
            </MenuItem>
          ))}
        </ApiTextField>
        <Autocomplete
          freeSolo
          options={districts}
          inputValue={form.district}
          onInputChange={(_event, value) => onChange('district', value)}
          renderInput={(params) => (
            <TextField
              {...params}
              required
              name="district"
              label={t('intake.fields.district')}
              error={districtProblem !== undefined}
              helperText={districtProblem ?? t('intake.fields.districtHint')}
              slotProps={{
                ...params.slotProps,
                htmlInput: { ...params.slotProps.htmlInput, 'data-testid': 'intake-district' },
              }}
            />
          )}
        />
        <ApiTextField
          label={t('intake.fields.location')}
          name="location"
          value={form.location}
          onChange={(event) => onChange('location', event.target.value)}
          apiError={error}
          hint={t('intake.fields.locationHint')}
          sx={{ gridColumn: { sm: 'span 2' } }}
          slotProps={{ htmlInput: { 'data-testid': 'intake-location' } }}
        />
      </Box>
      <ApiTextField
        required
        label={t('intake.fields.subject')}
        name="subject"
        value={form.subject}
        onChange={(event) => onChange('subject', event.target.value)}
        apiError={error}
        slotProps={{ htmlInput: { 'data-testid': 'intake-subject' } }}
      />
      <ApiTextField
        required
        multiline
        minRows={4}
        label={t('intake.fields.description')}
        name="description"
        value={form.description}
        onChange={(event) => onChange('description', event.target.value)}
        apiError={error}
        hint={t('intake.fields.descriptionHint', { count: form.description.trim().length })}
        slotProps={{ htmlInput: { 'data-testid': 'intake-description' } }}
      />
    </>
  );
}
