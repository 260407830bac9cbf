import { makeStyles, tokens } from '@fluentui/react-components';

/**
 * Fluent's table-row hover fill leaves the row's links below AA contrast in the dark and
 * high-contrast themes: a hovered (or focused-into) row is marked by a bar at its start instead.
 */
export const useRowStyles = makeStyles({
  row: {
    ':hover': { backgroundColor: 'transparent', boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
    ':active': { backgroundColor: 'transparent' },
    ':focus-within': { boxShadow: `inset 3px 0 0 ${tokens.colorBrandStroke1}` },
  },
});
