import type { ReactNode } from 'react';

/**
 * The one banner for errors that belong to no single field: a failed load, a failed submit, a file that
 * cannot be read. Field errors show beside their field (Field), never only here. Renders nothing when
 * there is nothing to say.
 */
export function ErrorBanner({ error, children }: { error?: unknown; children?: ReactNode }) {
  const content = children ?? (error instanceof Error ? error.message : error ? String(error) : null);
  if (content == null || content === false || content === '') return null;
  return (
    <div className="banner error" role="alert">
      {content}
    </div>
  );
}
