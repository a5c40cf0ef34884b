import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import EditIcon from '@mui/icons-material/Edit';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Grid from '@mui/material/Grid';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplyTemplateRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { languageSchema, type Language } from '../../../../../shared/tables/platform.tables';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { navigate } from '../../../app/routes';
import { CenteredProgress } from '../../../components/CenteredProgress';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PageHeader } from '../../../components/PageHeader';
import type { NoticeMessage } from '../../../components/notice-text';
import { SuccessNotice } from '../../../components/SuccessNotice';
import { directionOf } from '../../../i18n/i18n';
import { BackButton } from '../shared/BackButton';
import { categoryName } from '../shared/category-name';
import { PlaceholderGuide } from './PlaceholderGuide';
import { TemplateDialog } from './TemplateDialog';

type DialogState =
  | { kind: 'none' }
  | { kind: 'edit'; template: ReplyTemplateRow | null }
  | { kind: 'delete'; template: ReplyTemplateRow };

/** Filter value for the templates meant for every category. */
const general = 'general';

/** Reply templates per category and language, from which clerks start their draft replies. */
export function TemplatesPage() {
  const { t } = useTranslation('complaints');
  const { language } = useLanguage();
  const templates = useApiQuery('replyTemplates:list', {});
  const categories = useApiQuery('categories:list', { includeInactive: true });
  const remove = useApiMutation('replyTemplates:delete');
  const [categoryFilter, setCategoryFilter] = useState('');
  const [languageFilter, setLanguageFilter] = useState<Language | ''>('');
  const [dialog, setDialog] = useState<DialogState>({ kind: 'none' });
  const [notice, setNotice] = useState<NoticeMessage | null>(null);

  const sortedCategories = [...(categories.data ?? [])].sort((a, b) => a.position - b.position);
  const categoryOrder = new Map(sortedCategories.map((c, index) => [c.id, index]));
  const categoryNames = new Map(sortedCategories.map((c) => [c.id, categoryName(c, language)]));
  // Templates for every category first, then by the categories' order, Arabic before French.
  const rank = (row: ReplyTemplateRow) =>
    row.categoryId === null ? -1 : (categoryOrder.get(row.categoryId) ?? Infinity);
  const rows = (templates.data ?? [])
    .filter(
      (row) =>
        categoryFilter === '' ||
        (categoryFilter === general ? row.categoryId === null : row.categoryId === categoryFilter),
    )
    .filter((row) => languageFilter === '' || row.language === languageFilter)
    .sort(
      (a, b) =>
        rank(a) - rank(b) ||
        a.language.localeCompare(b.language) ||
        a.title.localeCompare(b.title, a.language),
    );
  const closeDialog = () => {
    setDialog({ kind: 'none' });
    remove.reset();
  };
  const filter = { select: true, size: 'small', margin: 'none', fullWidth: true } as const;
  const head = { fontWeight: 600 } as const;

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        intro={t('templates.intro')}
        action={
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <BackButton onClick={() => navigate('complaints')}>
              {t('templates.backToQueue')}
            </BackButton>
            <Button
              variant="contained"
              startIcon={<AddIcon />}
              onClick={() => setDialog({ kind: 'edit', template: null })}
              data-testid="add-template"
            >
              {t('templates.add')}
            </Button>
          </Box>
        }
      />
      {templates.isError && (
        <ErrorAlert error={templates.error} onRetry={() => void templates.refetch()} />
      )}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, lg: 8 }}>
          <Paper variant="outlined" sx={{ p: 2, mb: 2 }} role="search">
            <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: { sm: '2fr 1fr' } }}>
              <TextField
                {...filter}
                label={t('templates.fields.category')}
                value={categoryFilter}
                onChange={(event) => setCategoryFilter(event.target.value)}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                data-testid="templates-filter-category"
              >
                <MenuItem value="">{t('templates.allTemplates')}</MenuItem>
                <MenuItem value={general}>{t('templates.anyCategory')}</MenuItem>
                {sortedCategories.map((category) => (
                  <MenuItem key={category.id} value={category.id}>
                    {categoryName(category, language)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                {...filter}
                label={t('templates.fields.language')}
                value={languageFilter}
                onChange={(event) => setLanguageFilter(event.target.value as Language | '')}
                slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
                data-testid="templates-filter-language"
              >
                <MenuItem value="">{t('templates.allLanguages')}</MenuItem>
                {languageSchema.options.map((option) => (
                  <MenuItem key={option} value={option} lang={option}>
                    {t(`common:languages.${option}`)}
                  </MenuItem>
                ))}
              </TextField>
            </Box>
          </Paper>
          {templates.isPending ? (
            <CenteredProgress />
          ) : (
            <TableContainer component={Paper} variant="outlined">
              <Table aria-label={t('templates.title')} data-testid="templates-table">
                <TableHead>
                  <TableRow>
                    <TableCell sx={{ ...head, width: 170 }}>
                      {t('templates.columns.category')}
                    </TableCell>
                    <TableCell sx={{ ...head, width: 100 }}>
                      {t('templates.columns.language')}
                    </TableCell>
                    <TableCell sx={head}>{t('templates.columns.template')}</TableCell>
                    <TableCell sx={{ ...head, width: 190 }}>
                      {t('templates.columns.actions')}
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {rows.length === 0 && (
                    <TableRow>
                      <TableCell colSpan={4} sx={{ color: 'text.secondary', py: 4 }}>
                        {t('templates.empty')}
                      </TableCell>
                    </TableRow>
                  )}
                  {rows.map((row) => (
                    <TableRow key={row.id} hover data-testid="template-row">
                      <TableCell>
                        {row.categoryId === null
                          ? t('templates.anyCategory')
                          : (categoryNames.get(row.categoryId) ?? t('common:noValue'))}
                      </TableCell>
                      <TableCell>
                        <Chip size="small" label={t(`common:languages.${row.language}`)} />
                      </TableCell>
                      <TableCell
                        lang={row.language}
                        dir={directionOf(row.language)}
                        sx={{ textAlign: 'start' }}
                      >
                        <Box sx={{ fontWeight: 600 }}>{row.title}</Box>
                        <Box
                          sx={{
                            color: 'text.secondary',
                            display: '-webkit-box',
                            WebkitLineClamp: 2,
                            WebkitBoxOrient: 'vertical',
                            overflow: 'hidden',
                          }}
                        >
                          {/* A preview: the letter's line breaks would only show its salutation. */}
                          {row.body.replace(/\s+/g, ' ')}
                        </Box>
                      </TableCell>
                      <TableCell>
                        <Box sx={{ display: 'flex', whiteSpace: 'nowrap' }}>
                          <Button
                            size="small"
                            startIcon={<EditIcon />}
                            onClick={() => setDialog({ kind: 'edit', template: row })}
                            data-testid="template-edit"
                          >
                            {t('common:actions.edit')}
                          </Button>
                          <Button
                            size="small"
                            color="secondary"
                            startIcon={<DeleteIcon />}
                            onClick={() => setDialog({ kind: 'delete', template: row })}
                            data-testid="template-delete"
                          >
                            {t('templates.delete.button')}
                          </Button>
                        </Box>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Grid>
        <Grid size={{ xs: 12, lg: 4 }}>
          <PlaceholderGuide />
        </Grid>
      </Grid>
      {dialog.kind === 'edit' && (
        <TemplateDialog
          template={dialog.template}
          categories={sortedCategories.filter(
            (c) => c.active || c.id === dialog.template?.categoryId,
          )}
          onClose={closeDialog}
          onSaved={(saved) => {
            closeDialog();
            setNotice({
              key: dialog.template
                ? 'complaints:templates.edit.done'
                : 'complaints:templates.create.done',
              values: { title: saved.title },
            });
          }}
        />
      )}
      {dialog.kind === 'delete' && (
        <ConfirmDialog
          open
          title={t('templates.delete.title')}
          body={t('templates.delete.body', { title: dialog.template.title })}
          confirmLabel={t('templates.delete.confirm')}
          destructive
          pending={remove.isPending}
          error={remove.error}
          onClose={closeDialog}
          onConfirm={() =>
            remove.mutate(
              { id: dialog.template.id },
              {
                onSuccess: () => {
                  closeDialog();
                  setNotice({
                    key: 'complaints:templates.delete.done',
                    values: { title: dialog.template.title },
                  });
                },
              },
            )
          }
          testId="template-delete-dialog"
        />
      )}
      <SuccessNotice message={notice} onClose={() => setNotice(null)} />
    </>
  );
}
