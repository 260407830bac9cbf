import { Field, Select } from '@fluentui/react-components';
import { parseThemeName, themeLabels, themeNames, type ThemeName } from '../theme';

/** Outside Teams only: in Teams the theme is Teams'. */
export function ThemeSwitcher({ value, onChange }: { value: ThemeName; onChange: (theme: ThemeName) => void }) {
  return (
    <Field label="Theme" orientation="horizontal" size="small">
      <Select value={value} size="small" onChange={(_, data) => {
        const next = parseThemeName(data.value);
        if (next) onChange(next);
      }}>
        {themeNames.map((t) => (
          <option key={t} value={t}>
            {themeLabels[t]}
          </option>
        ))}
      </Select>
    </Field>
  );
}
