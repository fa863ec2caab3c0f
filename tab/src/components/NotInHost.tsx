import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { Page } from './Page';

/** Props of the not-in-host message. */
export interface NotInHostProps {
  readonly title: string;
  readonly message: string;
}

/** What the tab shows when it cannot start inside Teams, instead of a blank page. */
export function NotInHost({ title, message }: NotInHostProps) {
  return (
    <Page title="Intro 1:1">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{title}</MessageBarTitle>
          {message}
        </MessageBarBody>
      </MessageBar>
    </Page>
  );
}
