import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { ErrorAlert } from '../../../components/ErrorAlert';

/** Writes an internal note on the case file: seen by staff only, never sent to the citizen. */
export function NoteComposer({ caseId, onAdded }: { caseId: string; onAdded: () => void }) {
  const { t } = useTranslation('cases');
  const addNote = useApiMutation('cases:addNote');
  const [body, setBody] = useState('');
  const submit = () =>
    addNote.mutate(
      { id: caseId, body },
      {
        onSuccess: () => {
          setBody('');
          onAdded();
        },
      },
    );
  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => (event.preventDefault(), submit())}
      sx={{ mb: 2 }}
    >
      {addNote.isError && !(addNote.error.code === 'VALIDATION') && (
        <ErrorAlert error={addNote.error} />
      )}
      <ApiTextField
        label={t('notes.label')}
        name="body"
        multiline
        minRows={2}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        apiError={addNote.error}
        hint={t('notes.hint')}
        slotProps={{ htmlInput: { 'data-testid': 'note-input' } }}
        margin="dense"
      />
      <Button
        type="submit"
        variant="contained"
        color="warning"
        disabled={body.trim() === ''}
        loading={addNote.isPending}
        data-testid="add-note"
      >
        {t('notes.add')}
      </Button>
    </Box>
  );
}
