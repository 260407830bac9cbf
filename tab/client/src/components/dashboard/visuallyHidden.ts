import { makeStyles } from '@fluentui/react-components';

/** Off screen but read by screen readers (the table behind a chart, the chart behind a table). */
export const useVisuallyHidden = makeStyles({
  hidden: { position: 'absolute', width: '1px', height: '1px', padding: 0, margin: '-1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap', border: 0 },
});
