import Autocomplete from '@mui/material/Autocomplete';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import {
  complaintKinds,
  type ComplaintKind,
} from '../../../../../shared/complaints/complaint-values';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';
import { fieldError } from '../../../components/field-error';
import { categoryName } from '../shared/category-name';

/** Corrects what intake decided: the legal kind, urgency, category and place. */
export function TriageDialog({
  detail,
  categories,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  categories: readonly CategoryRow[];
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const triage = useApiMutation('cases:triage');
  const districts = useApiQuery('complaints:districts', {});
  const [form, setForm] = useState({
    kind: detail.kind,
    urgent: detail.urgent,
    categoryId: detail.categoryId,
    district: detail.district,
    location: detail.location ?? '',
  });
  // An inactive category stays listed while it is the case's own, so the field is never blank.
  const choices = categories.filter((c) => c.active || c.id === detail.categoryId);
  const submit = () =>
    triage.mutate(
      {
        id: detail.id,
        ...form,
        location: form.location.trim() === '' ? null : form.location,
      },
      { onSuccess: onDone },
    );
  const districtError = fieldError(triage.error, 'district', t);
  return (
    <FormDialog
      open
      title={t('triage.title')}
      onClose={onClose}
      onSubmit={submit}
      submitLabel={t('common:actions.save')}
      pending={triage.isPending}
      error={triage.error}
      testId="triage-dialog"
    >
      <ApiTextField
        select
        label={t('facts.kind')}
        name="kind"
        value={form.kind}
        onChange={(event) => setForm((f) => ({ ...f, kind: event.target.value as ComplaintKind }))}
        apiError={triage.error}
        data-testid="triage-kind"
      >
        {complaintKinds.map((kind) => (
          <MenuItem key={kind} value={kind}>
            {t(`complaints:kinds.${kind}`)}
          </MenuItem>
        ))}
      </ApiTextField>
      <FormControlLabel
        control={
          <Switch
            checked={form.urgent}
            onChange={(event) => setForm((f) => ({ ...f, urgent: event.target.checked }))}
            color="secondary"
            data-testid="triage-urgent"
          />
        }
        label={t('triage.urgent')}
      />
      <ApiTextField
        select
        label={t('facts.category')}
        name="categoryId"
        value={form.categoryId}
        onChange={(event) => setForm((f) => ({ ...f, categoryId: event.target.value }))}
        apiError={triage.error}
        data-testid="triage-category"
      >
        {choices.map((category) => (
          <MenuItem key={category.id} value={category.id}>
            {categoryName(category, language)}
          </MenuItem>
        ))}
      </ApiTextField>
      <Autocomplete
        freeSolo
        options={districts.data ?? []}
        value={form.district}
        inputValue={form.district}
        onInputChange={(_event, value) => setForm((f) => ({ ...f, district: value }))}
        renderInput={(params) => (
          <TextField
            {...params}
            label={t('facts.district')}
            name="district"
            required
            error={districtError !== undefined}
            helperText={districtError}
            data-testid="triage-district"
          />
        )}
      />
      <ApiTextField
        label={t('facts.location')}
        name="location"
        value={form.location}
        onChange={(event) => setForm((f) => ({ ...f, location: event.target.value }))}
        apiError={triage.error}
        data-testid="triage-location"
      />
    </FormDialog>
  );
}
