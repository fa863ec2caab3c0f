import { mergeClasses, Text } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useNoticeStyles } from './useNoticeStyles.styles';

/** Props of a notice. */
interface NoticeProps {
  /** @default 'info' */
  readonly intent?: 'info' | 'warning' | 'error';
  readonly title?: string;
  readonly children: ReactNode;
  /** Buttons shown under the message. */
  readonly actions?: ReactNode;
  /** False for a message whose text changes as the person types, so screen readers are not told on every key. */
  readonly live?: boolean;
}

const ROLES = { info: undefined, warning: 'status', error: 'alert' } as const;

const PREFIX = { info: undefined, warning: 'Warning', error: 'Error' } as const;

/**
 * A message strip for the side panel: a few hundred bytes instead of Fluent's MessageBar, which the panel's budget
 * cannot carry. Errors and warnings say so in words, not colour alone.
 */
export function Notice({ intent = 'info', title, children, actions, live = true }: NoticeProps) {
  const styles = useNoticeStyles();
  const heading = title ?? PREFIX[intent];
  return (
    <div className={mergeClasses(styles.root, styles[intent])} role={live ? ROLES[intent] : undefined}>
      <Text size={300}>
        {heading && <Text weight="semibold">{title ? heading : `${heading}: `}</Text>}
        {title && <br />}
        {children}
      </Text>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
