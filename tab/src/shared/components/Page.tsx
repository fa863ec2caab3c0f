import { Subtitle1 } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { usePageStyles } from './usePageStyles.styles';

/** Props of a page. */
interface PageProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** A full page with a heading, for the content and personal tabs. */
export function Page({ title, children }: PageProps) {
  const styles = usePageStyles();
  return (
    <main className={styles.root} aria-label={title}>
      <Subtitle1 as="h1" className={styles.heading}>
        {title}
      </Subtitle1>
      {children}
    </main>
  );
}
