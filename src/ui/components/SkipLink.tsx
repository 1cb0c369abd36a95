import { makeStyles, tokens } from '@fluentui/react-components';
import * as React from 'react';

const useStyles = makeStyles({
  // Out of sight until a keyboard user reaches it: then it shows at the top, over the page.
  link: {
    position: 'absolute',
    left: tokens.spacingHorizontalS,
    top: '-100px',
    zIndex: 1000,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorBrandForegroundLink,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus': { top: tokens.spacingVerticalS },
  },
});

export interface SkipLinkProps {
  /** The id of the element focus moves to; it needs tabIndex={-1} to take focus. */
  target: string;
  children: React.ReactNode;
}

/**
 * The first stop of the Tab key: jumps past the controls above the content. Focus is moved by hand rather
 * than by the URL's fragment, which an Office task pane must keep as it is.
 */
export function SkipLink({ target, children }: SkipLinkProps): React.JSX.Element {
  const styles = useStyles();
  return (
    <a
      className={styles.link}
      href={`#${target}`}
      onClick={(e) => {
        const el = document.getElementById(target);
        if (!el) return;
        e.preventDefault();
        el.focus();
        el.scrollIntoView?.({ block: 'start' });
      }}
    >
      {children}
    </a>
  );
}
