import { makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    maxWidth: '720px',
    boxSizing: 'border-box',
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
});

/** Props of a page. */
export interface PageProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** A full page with a heading, for the content and personal tabs. */
export function Page({ title, children }: PageProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-label={title}>
      <Subtitle1 as="h1" className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </main>
  );
}
