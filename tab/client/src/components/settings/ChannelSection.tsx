import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { Saved, settingsRoutes, TeamChannelSetting } from '../../../../contract/settings';
import { useSigned } from '../../context';
import { useLoad } from '../../hooks/useLoad';
import { teamChannelChange } from './channelForm';
import { useFormStyles } from './formStyles';
import { ReadOnlyValue } from './ReadOnlyValue';
import { SaveFeedback } from './SaveFeedback';
import { SettingsSection } from './SettingsSection';
import { useSave, type SaveState } from './useSave';

const help =
  'Starts with 19: and ends with @thread.tacv2. In Teams, open the channel\'s ⋯ menu, choose "Get link to channel", and paste the link here: the id is taken from it. Leave it empty to post nothing to a channel.';

/** The Teams channel new referrals and decisions are posted in. */
export function ChannelSection() {
  const { api } = useSigned();
  const loaded = useLoad(() => api.get(settingsRoutes.teamChannel, TeamChannelSetting), 'team-channel');
  const save = useSave(loaded.reload);
  const reload = () => {
    save.clear();
    loaded.reload();
  };
  return (
    <SettingsSection title="Team channel" loaded={loaded}>
      {(data) => <ChannelForm key={data.etag} setting={data} save={save} onReload={reload} />}
    </SettingsSection>
  );
}

function ChannelForm({ setting, save, onReload }: { setting: TeamChannelSetting; save: SaveState; onReload: () => void }) {
  const styles = useFormStyles();
  const { api } = useSigned();
  const [text, setText] = useState(setting.channelId ?? '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save.save(teamChannelChange(text, setting.etag), (change) => api.put(settingsRoutes.teamChannel, change, Saved));
  };
  if (!setting.canEdit) return <ReadOnlyValue label="Channel id" value={setting.channelId ?? 'None: nothing is posted to a channel.'} />;
  return (
    <form className={styles.form} onSubmit={submit} aria-label="The team channel">
      <Field className={styles.wide} label="Channel id" hint={help}>
        <Input value={text} onChange={(_, d) => setText(d.value)} placeholder="19:…@thread.tacv2" spellCheck={false} />
      </Field>
      <SaveFeedback outcome={save.outcome} onReload={onReload} />
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={save.busy}>
          {save.busy ? 'Saving…' : 'Save the channel'}
        </Button>
      </div>
    </form>
  );
}
