import { useMutation } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../../../../shared/api/contract';
import type { ApiCallError } from '../../../api/api-error';
import { call } from '../../../api/call';
import { downloadFile } from './download-file';

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type ExportInput = InputOf<'complaintStats:export'>;
type ExportedFile = OutputOf<'complaintStats:export'>;

/**
 * Asks core for the workbook and downloads it. A plain mutation hook rather than useApiMutation:
 * an export changes nothing, so nothing needs refetching afterwards.
 */
export function useStatsExport(onDone: (file: ExportedFile) => void) {
  return useMutation<ExportedFile, ApiCallError, ExportInput>({
    mutationFn: (input) => call('complaintStats:export', input),
    onSuccess: (file) => {
      downloadFile(file.fileName, file.dataBase64, xlsxType);
      onDone(file);
    },
  });
}
