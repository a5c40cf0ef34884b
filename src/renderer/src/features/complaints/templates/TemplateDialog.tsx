import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CategoryRow,
  ReplyTemplateRow,
} from '../../../../../shared/api/procedures/complaints.procedures';
import type { TemplatePlaceholder } from '../../../../../shared/complaints/reply-template';
import { languageSchema, type Language } from '../../../../../shared/tables/platform.tables';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';
import { directionOf } from '../../../i18n/i18n';
import { categoryName } from '../shared/category-name';
import { PlaceholderGuide } from './PlaceholderGuide';

/** Writes a reply template: for one category or all, in Arabic or French, with placeholders. */
export function TemplateDialog({
  template,
  categories,
  onClose,
  onSaved,
}: {
  template: ReplyTemplateRow | null;
  categories: readonly CategoryRow[];
  onClose: () => void;
  onSaved: (saved: ReplyTemplateRow) => void;
}) {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const save = useApiMutation('replyTemplates:save');
  const body = useRef<HTMLTextAreaElement>(null);
  const [form, setForm] = useState({
    categoryId: template?.categoryId ?? '',
    language: template?.language ?? language,
    title: template?.title ?? '',
    body: template?.body ?? '',
  });
  const insert = (name: TemplatePlaceholder) => {
    const area = body.current;
    const token = `{{${name}}}`;
    const start = area?.selectionStart ?? form.body.length;
    const end = area?.selectionEnd ?? form.body.length;
    setForm((f) => ({ ...f, body: f.body.slice(0, start) + token + f.body.slice(end) }));
    // Back to the text, just after what was inserted.
    window.requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(start + token.length, start + token.length);
    });
  };
  const textDirection = directionOf(form.language);
  return (
    <FormDialog
      open
      title={template ? t('templates.edit.title') : t('templates.create.title')}
      onClose={onClose}
      onSubmit={() =>
        save.mutate(
          {
            ...(template ? { id: template.id } : {}),
            categoryId: form.categoryId || null,
            language: form.language,
            title: form.title,
            body: form.body,
          },
          { onSuccess: onSaved },
        )
      }
      submitLabel={template ? t('common:actions.save') : t('common:actions.create')}
      pending={save.isPending}
      error={save.error}
      testId="template-dialog"
    >
      <Box sx={{ display: 'grid', columnGap: 2, gridTemplateColumns: { sm: '2fr 1fr' } }}>
        <ApiTextField
          select
          label={t('templates.fields.category')}
          name="categoryId"
          value={form.categoryId}
          onChange={(event) => setForm((f) => ({ ...f, categoryId: event.target.value }))}
          apiError={save.error}
          slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          data-testid="template-category"
        >
          <MenuItem value="">{t('templates.anyCategory')}</MenuItem>
          {categories.map((category) => (
            <MenuItem key={category.id} value={category.id}>
              {categoryName(category, language)}
            </MenuItem>
          ))}
        </ApiTextField>
        <ApiTextField
          select
          label={t('templates.fields.language')}
          name="language"
          value={form.language}
          onChange={(event) => setForm((f) => ({ ...f, language: event.target.value as Language }))}
          apiError={save.error}
          data-testid="template-language"
        >
          {languageSchema.options.map((option) => (
            <MenuItem key={option} value={option} lang={option}>
              {t(`common:languages.${option}`)}
            </MenuItem>
          ))}
        </ApiTextField>
      </Box>
      <ApiTextField
        required
        autoFocus
        label={t('templates.fields.title')}
        name="title"
        value={form.title}
        onChange={(event) => setForm((f) => ({ ...f, title: event.target.value }))}
        apiError={save.error}
        hint={t('templates.fields.titleHint')}
        slotProps={{ htmlInput: { 'data-testid': 'template-title' } }}
      />
      <ApiTextField
        required
        multiline
        minRows={8}
        label={t('templates.fields.body')}
        name="body"
        value={form.body}
        onChange={(event) => setForm((f) => ({ ...f, body: event.target.value }))}
        apiError={save.error}
        inputRef={body}
        slotProps={{
          htmlInput: { dir: textDirection, lang: form.language, 'data-testid': 'template-body' },
        }}
      />
      <PlaceholderGuide onInsert={insert} />
    </FormDialog>
  );
}
