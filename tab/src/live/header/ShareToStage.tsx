import { Button } from '@fluentui/react-components';
import { ShareScreenStartRegular } from '@fluentui/react-icons';
import { useState } from 'react';

/** The page the stage shows: the agenda and timer, read-only. */
const stageUrl = () => `${window.location.origin}/tab/index.html?view=stage`;

/** Props of the Share to stage button. */
interface ShareToStageProps {
  /** Says how the share went, for a live region the parent owns. */
  readonly onResult: (message: string) => void;
}

/** Shares the agenda and timer (never notes) to the meeting stage for both people. */
export function ShareToStage({ onResult }: ShareToStageProps) {
  const [busy, setBusy] = useState(false);
  const share = () => {
    setBusy(true);
    import('../../shared/teams/stage')
      .then((teams) => teams.shareToStage(stageUrl()))
      .then(
        () => onResult('Shared to the stage: the agenda and timer, never your notes.'),
        (error: unknown) => onResult(error instanceof Error ? error.message : 'Sharing to the stage failed.'),
      )
      .finally(() => setBusy(false));
  };
  return (
    // An icon in the header's one row of controls; named in words for everyone, and shown as a tooltip.
    <Button
      size="small"
      icon={<ShareScreenStartRegular />}
      aria-label="Share to stage"
      title="Share to stage"
      disabledFocusable={busy}
      onClick={share}
    />
  );
}
