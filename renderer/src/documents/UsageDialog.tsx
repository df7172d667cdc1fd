// "Which applications got this file": every application the same bytes were attached to, one click from
// a document on the application page or its tag in the pipeline table.
import { formatDate } from '../lib/format';
import { useApi } from '../lib/hooks';
import { href } from '../lib/router';
import { useStages } from '../lib/stages';
import { Modal } from '../ui/Modal';

export function UsageDialog({ doc, onClose }: { doc: { id: number; name: string }; onClose: () => void }) {
  const usage = useApi('documents.usage', { id: doc.id });
  const stages = useStages();
  return (
    <Modal title={`Applications that got ${doc.name}`} onClose={onClose}>
      <ul className="item-list" aria-label="Applications with this file">
        {(usage.data?.items ?? []).map((u) => (
          <li key={u.documentId}>
            <div className="item-main">
              <a href={href({ name: 'application', id: u.applicationId })} onClick={onClose}>
                {u.role} at {u.company}
              </a>
              <span className="sub">
                {stages.name(u.stage)} · as {u.name}
                {u.label ? ` (${u.label})` : ''} · added {formatDate(u.createdAt)}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
