import MenuItem from '@mui/material/MenuItem';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import {
  deliveryMethods,
  type DeliveryMethod,
} from '../../../../../shared/complaints/complaint-values';
import { communeToday } from '../../../../../shared/complaints/legal-clock';
import { useApiMutation } from '../../../api/hooks';
import { ApiTextField } from '../../../components/ApiTextField';
import { FormDialog } from '../../../components/FormDialog';

/** Records how and when the approved answer reached the citizen: that is when the case is answered. */
export function DeliverDialog({
  reply,
  earliest,
  onClose,
  onDone,
}: {
  reply: CaseReply;
  /** The day the reply was approved (or the case received): it cannot be given before. */
  earliest: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation('cases');
  const deliver = useApiMutation('cases:deliverReply');
  const [method, setMethod] = useState<DeliveryMethod>('letter');
  const today = communeToday(new Date());
  const [on, setOn] = useState(today);
  return (
    <FormDialog
      open
      title={t('deliver.title')}
      onClose={onClose}
      onSubmit={() => deliver.mutate({ replyId: reply.id, method, on }, { onSuccess: onDone })}
      submitLabel={t('deliver.submit')}
      pending={deliver.isPending}
      error={deliver.error}
      testId="deliver-dialog"
    >
      <ApiTextField
        select
        label={t('deliver.method')}
        name="method"
        value={method}
        onChange={(event) => setMethod(event.target.value as DeliveryMethod)}
        apiError={deliver.error}
        data-testid="deliver-method"
      >
        {deliveryMethods.map((value) => (
          <MenuItem key={value} value={value}>
            {t(`complaints:deliveryMethods.${value}`)}
          </MenuItem>
        ))}
      </ApiTextField>
      <ApiTextField
        type="date"
        label={t('deliver.on')}
        name="on"
        required
        value={on}
        onChange={(event) => setOn(event.target.value)}
        apiError={deliver.error}
        slotProps={{
          inputLabel: { shrink: true },
          htmlInput: { min: earliest, max: today, 'data-testid': 'deliver-on' },
        }}
      />
    </FormDialog>
  );
}
