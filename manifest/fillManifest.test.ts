import { fillManifest } from './fillManifest';

const values = {
  TEAMS_APP_ID: '6f0c3a52-8d1e-4b7a-9c35-2e41d07b9a18',
  BOT_ID: '33333333-3333-4333-8333-333333333333',
  PUBLIC_HOSTNAME: 'outreach.example.org',
  VERSION: '0.1.0',
  ACCENT_COLOR: '#1F6F8B',
};
const template = {
  id: '{{TEAMS_APP_ID}}',
  bots: [{ botId: '{{BOT_ID}}', commandLists: [{ scopes: ['personal'], commands: [{ title: 'help' }] }] }],
  webApplicationInfo: { resource: 'api://{{PUBLIC_HOSTNAME}}/{{BOT_ID}}' },
};

describe('filling the manifest template', () => {
  it('replaces every placeholder, inside strings too', () => {
    const filled = fillManifest(template, values);
    expect(filled).toMatchObject({ id: values.TEAMS_APP_ID, webApplicationInfo: { resource: `api://outreach.example.org/${values.BOT_ID}` } });
  });

  it('refuses a placeholder it has no value for, naming it', () => {
    expect(() => fillManifest({ ...template, name: '{{APP_NAME}}' }, values)).toThrow('placeholders with no value: APP_NAME');
  });

  it('refuses values that are not what the manifest needs', () => {
    expect(() => fillManifest(template, { ...values, BOT_ID: 'not-a-guid' })).toThrow();
    expect(() => fillManifest(template, { ...values, PUBLIC_HOSTNAME: 'https://x.example.org' })).toThrow();
  });

  it('takes the bot command list from the bot when given', () => {
    const filled = fillManifest(template, values, [{ title: 'my cases', description: 'Your open cases.' }]);
    expect(filled.bots).toEqual([{ botId: values.BOT_ID, commandLists: [{ scopes: ['personal'], commands: [{ title: 'my cases', description: 'Your open cases.' }] }] }]);
  });

  it('refuses an empty or too long command list', () => {
    expect(() => fillManifest(template, values, [])).toThrow('1 to 10 commands');
    const eleven = Array.from({ length: 11 }, (_, i) => ({ title: `c${i}`, description: 'x' }));
    expect(() => fillManifest(template, values, eleven)).toThrow('1 to 10 commands');
  });
});
