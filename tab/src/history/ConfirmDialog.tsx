import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  useId,
} from '@fluentui/react-components';
import { useRef, useState, type ReactElement } from 'react';

/** Props of a confirmation dialog. */
export interface ConfirmDialogProps {
  /** The button that opens the dialog. */
  readonly trigger: ReactElement;
  readonly title: string;
  readonly message: string;
  readonly confirmLabel: string;
  readonly onConfirm: () => Promise<void>;
  /**
   * Called once the dialog has closed after a confirmed action: the place to remove the trigger's view. Removing it
   * while the dialog is open would leave the page hidden from screen readers (the dialog's aria-hidden stays).
   */
  readonly onConfirmed?: () => void;
}

/**
 * Asks before something that cannot be undone, as an alert dialog named by its title and described by its message;
 * shows an error in place when it fails. Focus goes back to the trigger on close (Fluent's restorer); when
 * `onConfirmed` removes the trigger, the caller moves focus.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { trigger, title, message, confirmLabel, onConfirm, onConfirmed } = props;
  const messageId = useId('confirm-message');
  const confirmed = useRef(false);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const confirm = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onConfirm();
      confirmed.current = true;
      setOpen(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };
  const closed = () => {
    if (!confirmed.current) return;
    confirmed.current = false;
    onConfirmed?.();
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(_event, data) => setOpen(data.open)}
      modalType="alert"
      surfaceMotion={{
        onMotionFinish: (_event, data) => data.direction === 'exit' && closed(),
      }}
    >
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface aria-describedby={messageId}>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <p id={messageId}>{message}</p>
            {error && <p role="alert">{error}</p>}
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="secondary">Cancel</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={() => void confirm()} disabledFocusable={busy}>
              {busy ? 'Deleting…' : confirmLabel}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
