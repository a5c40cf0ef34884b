import DeleteSweepIcon from '@mui/icons-material/DeleteSweep';
import SaveIcon from '@mui/icons-material/Save';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Grid from '@mui/material/Grid';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntakeInput } from '../../../../../shared/api/procedures/complaints.procedures';
import type { SessionUser } from '../../../../../shared/api/procedures/session.procedures';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { ApiCallError } from '../../../api/api-error';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { navigate } from '../../../app/routes';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import { BackButton } from '../shared/BackButton';
import { useSessionUser } from '../shared/useSessionUser';
import { AttachmentsField } from './AttachmentsField';
import { CitizenFields } from './CitizenFields';
import { DuplicateHints } from './DuplicateHints';
import { FormSection } from './FormSection';
import { IntakeDone } from './IntakeDone';
import { emptyIntakeForm, keepIntakeDraft, readIntakeDraft, type IntakeForm } from './intake-draft';
import { intakeProblems } from './intake-problems';
import { MatterFields } from './MatterFields';
import { RequestFields } from './RequestFields';

function toInput(form: IntakeForm): IntakeInput {
  const { attachments, ...fields } = form;
  return {
    ...fields,
    attachments: attachments.map(({ fileName, mimeType, dataBase64 }) => ({
      fileName,
      mimeType,
      dataBase64,
    })),
  };
}

/** The same refusal without one field's problem: the clerk has just changed that field. */
function withoutField(problem: ApiCallError, field: string): ApiCallError | null {
  if (!(field in problem.fields)) return problem;
  const fields = Object.fromEntries(
    Object.entries(problem.fields).filter(([key]) => key !== field),
  );
  if (problem.code === 'VALIDATION' && Object.keys(fields).length === 0) return null;
  return new ApiCallError({ code: problem.code, message: problem.message, fields });
}

/** Registers a complaint, an observation or a suggestion, with a local number at once. */
export function IntakePage() {
  const user = useSessionUser();
  return user ? <Intake user={user} /> : <CenteredProgress />;
}

function Intake({ user }: { user: SessionUser }) {
  const { t } = useTranslation('complaints');
  const today = communeToday(new Date());
  const [form, setForm] = useState<IntakeForm>(
    () => readIntakeDraft(user.id) ?? emptyIntakeForm(today),
  );
  useEffect(() => keepIntakeDraft(user.id, form), [user.id, form]);
  const [problem, setProblem] = useState<ApiCallError | null>(null);
  const [registered, setRegistered] = useState<{ id: string; localNumber: string } | null>(null);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const create = useApiMutation('complaints:create');
  const categories = useApiQuery('categories:list', {});
  const departments = useApiQuery('departments:list', {});
  const districts = useApiQuery('complaints:districts', {});
  const activeCategories = [...(categories.data ?? [])]
    .filter((category) => category.active)
    .sort((a, b) => a.position - b.position);

  const onChange = <K extends keyof IntakeForm>(field: K, value: IntakeForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }));
    setProblem((current) => current && withoutField(current, field));
  };
  const showProblem = (next: ApiCallError) => {
    setProblem(next);
    // To the first field in trouble, else to the message at the top.
    window.requestAnimationFrame(() => {
      const field = document.querySelector<HTMLElement>('main [aria-invalid="true"]');
      if (field) field.focus();
      else window.scrollTo({ top: 0, behavior: 'smooth' });
    });
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = toInput(form);
    const fields = intakeProblems(input, today);
    if (Object.keys(fields).length > 0)
      return showProblem(
        new ApiCallError({ code: 'VALIDATION', message: 'checked before sending', fields }),
      );
    setProblem(null);
    create.mutate(input, {
      onSuccess: (created) => {
        setRegistered(created);
        keepIntakeDraft(user.id, null);
      },
      onError: showProblem,
    });
  };
  // The next one is often from the same pile of letters: keep the channel and the date.
  const another = () => {
    setForm({ ...emptyIntakeForm(today), channel: form.channel, receivedOn: form.receivedOn });
    setRegistered(null);
    create.reset();
  };
  const discard = () => {
    setForm(emptyIntakeForm(today));
    setProblem(null);
    setConfirmDiscard(false);
  };

  if (registered)
    return (
      <>
        <PageHeader title={t('intake.title')} intro={t('intake.intro')} />
        <IntakeDone id={registered.id} localNumber={registered.localNumber} onAnother={another} />
      </>
    );

  const listError = categories.error ?? departments.error ?? districts.error;
  return (
    <>
      <PageHeader
        title={t('intake.title')}
        intro={t('intake.intro')}
        action={
          <BackButton onClick={() => navigate('complaints')}>{t('intake.backToQueue')}</BackButton>
        }
      />
      {listError && <ErrorAlert error={listError} />}
      {problem && <ErrorAlert error={problem} />}
      <Box component="form" noValidate onSubmit={submit} data-testid="intake-form">
        <Grid container spacing={2}>
          <Grid size={{ xs: 12, lg: 8 }}>
            <FormSection title={t('intake.sections.request')} testId="intake-section-request">
              <RequestFields form={form} onChange={onChange} error={problem} today={today} />
            </FormSection>
            <FormSection title={t('intake.sections.citizen')} testId="intake-section-citizen">
              <CitizenFields form={form} onChange={onChange} error={problem} />
            </FormSection>
            <FormSection title={t('intake.sections.matter')} testId="intake-section-matter">
              <MatterFields
                form={form}
                onChange={onChange}
                error={problem}
                categories={activeCategories}
                departments={departments.data ?? []}
                districts={districts.data ?? []}
              />
            </FormSection>
            <FormSection
              title={t('intake.sections.attachments')}
              testId="intake-section-attachments"
            >
              <AttachmentsField
                value={form.attachments}
                onChange={(attachments) => onChange('attachments', attachments)}
                error={problem}
              />
            </FormSection>
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
              <Button
                type="submit"
                variant="contained"
                size="large"
                startIcon={<SaveIcon />}
                loading={create.isPending}
                data-testid="intake-submit"
              >
                {t('intake.submit')}
              </Button>
              <Button
                startIcon={<DeleteSweepIcon />}
                onClick={() => setConfirmDiscard(true)}
                disabled={create.isPending}
                data-testid="intake-discard"
              >
                {t('intake.discard.button')}
              </Button>
            </Box>
          </Grid>
          <Grid size={{ xs: 12, lg: 4 }}>
            <Box sx={{ position: { lg: 'sticky' }, top: { lg: 88 } }}>
              <DuplicateHints
                categoryId={form.categoryId}
                district={form.district}
                text={`${form.subject}\n${form.description}`}
              />
            </Box>
          </Grid>
        </Grid>
      </Box>
      <ConfirmDialog
        open={confirmDiscard}
        title={t('intake.discard.title')}
        body={t('intake.discard.body')}
        confirmLabel={t('intake.discard.confirm')}
        destructive
        pending={false}
        error={null}
        onClose={() => setConfirmDiscard(false)}
        onConfirm={discard}
        testId="intake-discard-dialog"
      />
    </>
  );
}
