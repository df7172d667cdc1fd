// The "New application" dialog as one piece, so it can load on first use (react-hook-form and the form
// stay out of the first bundle) and still open with focus in its first field: Modal mounts with the
// form already inside it.
import { ApplicationForm } from '../application/ApplicationForm';
import { Modal } from '../ui/Modal';

export function NewApplicationDialog({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="New application" onClose={onClose}>
      <ApplicationForm onCancel={onClose} onDone={onClose} />
    </Modal>
  );
}
