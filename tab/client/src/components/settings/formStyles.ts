import { makeStyles, tokens } from '@fluentui/react-components';

/** The settings forms' layout: fields in a column, a row of buttons, narrow inputs for numbers and dates. */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  number: { width: '7.5em', maxWidth: '100%' },
  date: { width: '11em', maxWidth: '100%' },
  fieldset: { border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  cell: { verticalAlign: 'middle', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  /** A select or field on its own line: not the page's full width. */
  single: { maxWidth: '24em' },
  wide: { maxWidth: '44em' },
  /** Tables keep room for their fields: at phone width they scroll sideways in their ScrollArea. */
  table: { minWidth: '34em' },
  wideTable: { minWidth: '56em' },
  muted: { color: tokens.colorNeutralForeground3 },
});
