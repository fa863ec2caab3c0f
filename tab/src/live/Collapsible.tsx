import { Button, Text } from '@fluentui/react-components';
import { useCollapsibleStyles } from './Collapsible.styles';
import { useId, useState, type ReactNode } from 'react';

/** Props of a collapsible section. */
interface CollapsibleProps {
  readonly title: string;
  readonly children: ReactNode;
  /** @default true */
  readonly initiallyOpen?: boolean;
}

/** A section with a heading whose button shows or hides its body. */
export function Collapsible({ title, children, initiallyOpen = true }: CollapsibleProps) {
  const styles = useCollapsibleStyles();
  const [open, setOpen] = useState(initiallyOpen);
  const bodyId = useId();
  return (
    <section className={styles.root} aria-label={title}>
      <Text as="h2" size={400} weight="semibold" className={styles.heading}>
        <Button
          appearance="transparent"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={bodyId}
          onClick={() => setOpen((value) => !value)}
        >
          {`${open ? '▾' : '▸'} ${title}`}
        </Button>
      </Text>
      {open && (
        <div id={bodyId} className={styles.root}>
          {children}
        </div>
      )}
    </section>
  );
}
