import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail, CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import type { ReplyTemplateRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { fillTemplate } from '../../../../../shared/complaints/reply-template';
import { languageSchema, type Language } from '../../../../../shared/tables/platform.tables';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { ErrorAlert } from '../../../components/ErrorAlert';
import type { NoticeMessage } from '../../../components/notice-text';
import { directionOf } from '../../../i18n/i18n';
import { StatusChip } from '../shared/StatusChip';
import { draftValues } from './reply-placeholders';

/**
 * Drafts the answer to the citizen in Arabic or French, from a template of the case's category
 * (or a general one), then sends it to a head for approval.
 */
export function ReplyEditor({
  detail,
  reply,
  templates,
  onDone,
  onCancel,
}: {
  detail: CaseDetail;
  /** The draft or returned reply being edited; null for a new one. */
  reply: CaseReply | null;
  templates: readonly ReplyTemplateRow[];
  onDone: (message: NoticeMessage) => void;
  /** Offered only while nothing is saved yet. */
  onCancel: (() => void) | null;
}) {
  const { t } = useTranslation('cases');
  const { language: uiLanguage } = useLanguage();
  const save = useApiMutation('cases:saveReply');
  const submit = useApiMutation('cases:submitReply');
  const [language, setLanguage] = useState<Language>(reply?.language ?? uiLanguage);
  const [body, setBody] = useState(reply?.body ?? '');
  const [templateId, setTemplateId] = useState('');
  const choices = templates.filter(
    (template) =>
      template.language === language &&
      (template.categoryId === null || template.categoryId === detail.categoryId),
  );
  const applyTemplate = (id: string) => {
    setTemplateId(id);
    const template = templates.find((candidate) => candidate.id === id);
    if (template) setBody(fillTemplate(template.body, draftValues(detail, language)));
  };
  const changeLanguage = (next: Language) => {
    setLanguage(next);
    setTemplateId('');
  };
  const unchanged = reply !== null && reply.body === body && reply.language === language;
  const saveDraft = async (): Promise<string> =>
    unchanged
      ? reply.id
      : (
          await save.mutateAsync({
            id: detail.id,
            ...(reply ? { replyId: reply.id } : {}),
            language,
            body,
          })
        ).replyId;
  const onSave = () => {
    submit.reset();
    saveDraft().then(() => onDone({ key: 'cases:reply.saved' }), ignoreShown);
  };
  const onSubmit = () => {
    submit.reset();
    saveDraft()
      .then((replyId) => submit.mutateAsync({ replyId }))
      .then(() => onDone({ key: 'cases:reply.submitted' }), ignoreShown);
  };
  const pending = save.isPending || submit.isPending;
  const error = save.error ?? submit.error;
  const direction = directionOf(language);
  return (
    <Box data-testid="reply-editor">
      {reply && (
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', mb: 1, flexWrap: 'wrap' }}>
          <StatusChip replyStatus={reply.status} />
          {reply.draftedByName && (
            <Typography variant="body2" color="text.secondary">
              {t('reply.draftedBy', { name: reply.draftedByName })}
            </Typography>
          )}
        </Box>
      )}
      {reply?.status === 'returned' && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="reply-returned">
          {t('reply.returnedBy', { name: reply.reviewedByName ?? t('timeline.unknown') })}
          {reply.reviewComment && (
            <Box component="blockquote" dir="auto" sx={{ m: 0, mt: 0.5, whiteSpace: 'pre-wrap' }}>
              {reply.reviewComment}
            </Box>
          )}
        </Alert>
      )}
      {error && error.code !== 'VALIDATION' && <ErrorAlert error={error} />}
      <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', flexWrap: 'wrap' }}>
        <ToggleButtonGroup
          exclusive
          size="small"
          value={language}
          onChange={(_event, value: unknown) => {
            const parsed = languageSchema.safeParse(value);
            if (parsed.success) changeLanguage(parsed.data);
          }}
          aria-label={t('reply.language')}
        >
          <ToggleButton value="ar" data-testid="reply-language-ar">
            {t('common:languages.ar')}
          </ToggleButton>
          <ToggleButton value="fr" data-testid="reply-language-fr">
            {t('common:languages.fr')}
          </ToggleButton>
        </ToggleButtonGroup>
        <TextField
          select
          label={t('reply.template')}
          value={templateId}
          onChange={(event) => applyTemplate(event.target.value)}
          margin="dense"
          sx={{ flex: '1 1 240px' }}
          helperText={choices.length === 0 ? t('reply.noTemplate') : t('reply.templateHint')}
          data-testid="reply-template"
        >
          {choices.map((template) => (
            <MenuItem key={template.id} value={template.id}>
              {template.title}
            </MenuItem>
          ))}
        </TextField>
      </Box>
      {detail.citizens.length > 1 && (
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {t('reply.severalCitizens', {
            count: detail.citizens.length,
            nameTag: '{{citizen_name}}',
            numberTag: '{{number}}',
          })}
        </Typography>
      )}
      <ApiTextField
        label={t('reply.body')}
        name="body"
        required
        multiline
        minRows={8}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        apiError={error}
        hint={t('reply.bodyHint')}
        slotProps={{
          htmlInput: { dir: direction, lang: language, 'data-testid': 'reply-body' },
        }}
      />
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', justifyContent: 'flex-end' }}>
        {onCancel && (
          <Button onClick={onCancel} disabled={pending}>
            {t('common:actions.cancel')}
          </Button>
        )}
        <Button
          variant="outlined"
          onClick={onSave}
          loading={save.isPending && !submit.isPending}
          disabled={pending || unchanged}
          data-testid="save-reply"
        >
          {t('reply.saveDraft')}
        </Button>
        <Button variant="contained" onClick={onSubmit} loading={pending} data-testid="submit-reply">
          {t('reply.submit')}
        </Button>
      </Box>
    </Box>
  );
}

/** The failed call is already on screen through the mutation's error. */
function ignoreShown(): void {}
