import { lazy, Suspense, useId, useState, type Ref } from 'react';
import { readText } from '../lib/download';
import { useToast } from '../ui/Toast';

// The preview dialog loads once a file is chosen: the empty pipeline shows this button on first paint.
const CsvImport = lazy(() => import('./CsvImport').then((m) => ({ default: m.CsvImport })));

/**
 * "Import applications from CSV…": a file field styled as a button, then the import preview. Used by
 * Settings' import panel and the empty pipeline; `inputRef` lets the palette open the file picker.
 */
export function CsvImportButton({ label, className, inputRef }: { label: string; className?: string; inputRef?: Ref<HTMLInputElement> }) {
  const toast = useToast();
  const id = useId();
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);

  async function choose(input: HTMLInputElement) {
    const f = input.files?.[0];
    if (!f) return;
    try {
      setFile({ name: f.name, text: await readText(f) });
    } catch (err) {
      toast(err instanceof Error ? err.message : String(err), 'error');
    } finally {
      // Choosing the same file again after a cancel must open it again.
      input.value = '';
    }
  }

  return (
    <>
      <label className={className ? `button ${className}` : 'button'} htmlFor={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        className="sr-only file-button"
        type="file"
        accept=".csv,.tsv,.txt,text/csv,text/tab-separated-values"
        aria-label="CSV file to import"
        onChange={(e) => void choose(e.target)}
      />
      {file ? (
        <Suspense fallback={null}>
          <CsvImport fileName={file.name} text={file.text} onClose={() => setFile(null)} />
        </Suspense>
      ) : null}
    </>
  );
}
