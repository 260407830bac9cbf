import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  area: { overflowX: 'auto', maxWidth: '100%', borderRadius: tokens.borderRadiusMedium, ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

/** A wide table in a box that scrolls sideways at phone width; focusable so the keyboard can scroll it too. */
export function ScrollArea({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className={useStyles().area} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
