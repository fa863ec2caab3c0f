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
import { useConfirmDialogStyles } from './ConfirmDialog.styles';
import { useRef, useState, type ReactElement } from 'react';

/** Props of a confirmation dialog. */
interface ConfirmDialogProps {
  /** The button that opens the dialog; without one, `open` and `onOpenChange` drive it (e.g. from a menu item). */
  readonly trigger?: ReactElement;
  readonly open?: boolean;
  readonly onOpenChange?: (open: boolean) => void;
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
  const styles = useConfirmDialogStyles();
  const messageId = useId('confirm-message');
  const confirmed = useRef(false);
  const [ownOpen, setOwnOpen] = useState(false);
  const open = props.open ?? ownOpen;
  const setOpen = (next: boolean) => (props.onOpenChange ? props.onOpenChange(next) : setOwnOpen(next));
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
  const surface = (
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
          <Button
            appearance="primary"
            className={styles.danger}
            onClick={() => void confirm()}
            disabledFocusable={busy}
          >
            {busy ? 'Deleting…' : confirmLabel}
          </Button>
        </DialogActions>
      </DialogBody>
    </DialogSurface>
  );
  const dialog = {
    open,
    onOpenChange: (_event: unknown, data: { open: boolean }) => setOpen(data.open),
    modalType: 'alert' as const,
    surfaceMotion: {
      onMotionFinish: (_event: unknown, data: { direction: string }) => data.direction === 'exit' && closed(),
    },
  };
  // Dialog reads a trigger and a surface from exactly two children, or a surface alone.
  return trigger ? (
    <Dialog {...dialog}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      {surface}
    </Dialog>
  ) : (
    <Dialog {...dialog}>{surface}</Dialog>
  );
}
