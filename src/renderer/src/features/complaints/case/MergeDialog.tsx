import SearchIcon from '@mui/icons-material/Search';
import Checkbox from '@mui/material/Checkbox';
import InputAdornment from '@mui/material/InputAdornment';
import List from '@mui/material/List';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import ListSubheader from '@mui/material/ListSubheader';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../../../shared/api/procedures/cases.procedures';
import { isPending } from '../../../../../shared/complaints/complaint-values';
import { useLanguage } from '../../../app/LanguageProvider';
import { useApiMutation, useApiQuery } from '../../../api/hooks';
import { FormDialog } from '../../../components/FormDialog';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { formatDay } from '../../../format/dates';

interface MergeCandidate {
  id: string;
  number: string;
  subject: string;
  receivedOn: string;
}

function CandidateList({
  title,
  candidates,
  chosen,
  onToggle,
  testId,
}: {
  title: string;
  candidates: readonly MergeCandidate[];
  chosen: ReadonlyMap<string, MergeCandidate>;
  onToggle: (candidate: MergeCandidate) => void;
  testId: string;
}) {
  const { language } = useLanguage();
  if (candidates.length === 0) return null;
  return (
    <List
      dense
      subheader={<ListSubheader disableSticky>{title}</ListSubheader>}
      data-testid={testId}
    >
      {candidates.map((candidate) => (
        <ListItemButton
          key={candidate.id}
          onClick={() => onToggle(candidate)}
          data-testid="merge-candidate"
        >
          <ListItemIcon sx={{ minWidth: 40 }}>
            <Checkbox edge="start" checked={chosen.has(candidate.id)} tabIndex={-1} disableRipple />
          </ListItemIcon>
          <ListItemText
            primary={
              <>
                <bdi dir="ltr">{candidate.number}</bdi> · <bdi>{candidate.subject}</bdi>
              </>
            }
            secondary={formatDay(candidate.receivedOn, language)}
          />
        </ListItemButton>
      ))}
    </List>
  );
}

/**
 * Joins duplicates into this case: they stop their own clocks, and their citizens get this case's
 * answer. Suggests likely duplicates; any pending case can be found by number or words.
 */
export function MergeDialog({
  detail,
  onClose,
  onDone,
}: {
  detail: CaseDetail;
  onClose: () => void;
  onDone: (count: number) => void;
}) {
  const { t } = useTranslation('cases');
  const merge = useApiMutation('cases:merge');
  const [search, setSearch] = useState('');
  const settled = useDebouncedValue(search.trim());
  const [chosen, setChosen] = useState<ReadonlyMap<string, MergeCandidate>>(new Map());
  const [noneChosen, setNoneChosen] = useState(false);
  const duplicates = useApiQuery('complaints:duplicates', {
    categoryId: detail.categoryId,
    district: detail.district,
    text: `${detail.subject}\n${detail.description}`.slice(0, 5200),
    excludeId: detail.id,
  });
  const found = useApiQuery(
    'complaints:queue',
    {
      page: 0,
      pageSize: 10,
      view: 'open',
      sort: { field: 'receivedOn', direction: 'desc' },
      filters: {},
      search: settled,
    },
    { enabled: settled.length >= 2 },
  );
  const toggle = (candidate: MergeCandidate) =>
    setChosen((previous) => {
      const next = new Map(previous);
      if (next.has(candidate.id)) next.delete(candidate.id);
      else next.set(candidate.id, candidate);
      return next;
    });
  const pendingDuplicates = (duplicates.data ?? []).filter((d) => isPending(d.status));
  const results =
    settled.length >= 2
      ? (found.data?.rows ?? []).filter(
          (r) => r.id !== detail.id && !pendingDuplicates.some((d) => d.id === r.id),
        )
      : [];
  const alsoChosen = [...chosen.values()].filter(
    (c) => !pendingDuplicates.some((d) => d.id === c.id) && !results.some((r) => r.id === c.id),
  );
  return (
    <FormDialog
      open
      title={t('merge.title', { number: detail.number })}
      onClose={onClose}
      onSubmit={() =>
        chosen.size === 0
          ? setNoneChosen(true)
          : merge.mutate(
              { targetId: detail.id, sourceIds: [...chosen.keys()] },
              { onSuccess: ({ updated }) => onDone(updated) },
            )
      }
      submitLabel={t('merge.submit', { count: chosen.size })}
      pending={merge.isPending}
      error={merge.error}
      testId="merge-dialog"
    >
      <Typography color="text.secondary" variant="body2">
        {t('merge.intro')}
      </Typography>
      {noneChosen && chosen.size === 0 && (
        <Typography color="error" variant="body2" role="alert" sx={{ mt: 1 }}>
          {t('merge.noneChosen')}
        </Typography>
      )}
      <CandidateList
        title={t('merge.chosen')}
        candidates={alsoChosen}
        chosen={chosen}
        onToggle={toggle}
        testId="merge-chosen"
      />
      <CandidateList
        title={t('merge.suggested')}
        candidates={pendingDuplicates}
        chosen={chosen}
        onToggle={toggle}
        testId="merge-suggested"
      />
      {duplicates.isSuccess && pendingDuplicates.length === 0 && (
        <Typography variant="body2" sx={{ mt: 2 }}>
          {t('merge.noSuggestion')}
        </Typography>
      )}
      <TextField
        label={t('merge.search')}
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        slotProps={{
          input: {
            startAdornment: (
              <InputAdornment position="start">
                <SearchIcon fontSize="small" />
              </InputAdornment>
            ),
          },
          htmlInput: { 'data-testid': 'merge-search', maxLength: 200 },
        }}
      />
      <CandidateList
        title={t('merge.results')}
        candidates={results}
        chosen={chosen}
        onToggle={toggle}
        testId="merge-results"
      />
      {found.isSuccess && settled.length >= 2 && results.length === 0 && (
        <Typography variant="body2">{t('merge.noResult')}</Typography>
      )}
    </FormDialog>
  );
}
