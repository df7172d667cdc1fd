// The CSV export, apart from the import preview so the pipeline's first bundle does not carry the preview.
import type { MethodInput } from '../../../electron/api/contract';
import { downloadFile } from '../lib/download';
import { useCall } from '../lib/hooks';

/** Saves the applications as CSV; `input` is the pipeline's current search and stage filter, or everything. */
export function useExportApplicationsCsv() {
  const exportCsv = useCall('csv.exportApplications');
  return async (input: MethodInput<'csv.exportApplications'>) => {
    const out = await exportCsv.mutateAsync(input);
    downloadFile(out.filename, out.content, 'text/csv;charset=utf-8');
    return out;
  };
}
