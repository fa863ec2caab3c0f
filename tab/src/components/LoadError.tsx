import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/** Props of the load error. */
export interface LoadErrorProps {
  readonly message: string;
  readonly onRetry: () => void;
}

/** An error message with a Retry button. */
export function LoadError({ message, onRetry }: LoadErrorProps) {
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>Could not load the intro</MessageBarTitle>
        {message}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onRetry}>Retry</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
