import { Button } from '@fluentui/react-components';
import { Notice } from './Notice';

/** Props of the load error. */
interface LoadErrorProps {
  readonly message: string;
  readonly onRetry: () => void;
}

/** An error message with a Retry button. */
export function LoadError({ message, onRetry }: LoadErrorProps) {
  return (
    <Notice intent="error" title="Could not load the intro" actions={<Button onClick={onRetry}>Retry</Button>}>
      {message}
    </Notice>
  );
}
