import { Notice } from './Notice';
import { Page } from './Page';

/** Props of the not-in-host message. */
interface NotInHostProps {
  readonly title: string;
  readonly message: string;
}

/** What the tab shows when it cannot start inside Teams, instead of a blank page. */
export function NotInHost({ title, message }: NotInHostProps) {
  return (
    <Page title="Intro 1:1">
      <Notice title={title}>{message}</Notice>
    </Page>
  );
}
