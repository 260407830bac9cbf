import { allCardProblems } from './cardChecks';

describe('card checks (schema 1.5 + adaptivecards SDK + template expansion)', () => {
  const good = {
    type: 'AdaptiveCard',
    version: '1.5',
    body: [{ type: 'TextBlock', text: 'Hello', wrap: true }, { type: 'Input.Text', id: 'note', label: 'Note' }],
    actions: [{ type: 'Action.Execute', title: 'Save', verb: 'note.save', data: { caseId: '1' } }],
  };

  it('passes a well-formed card', () => {
    expect(allCardProblems(good)).toEqual([]);
  });

  it('refuses an unknown property (the schema has additionalProperties false)', () => {
    expect(allCardProblems({ ...good, body: [{ type: 'TextBlock', text: 'x', colour: 'Good' }] }).some((p) => p.startsWith('schema:'))).toBe(true);
  });

  it('refuses an unknown element type', () => {
    expect(allCardProblems({ ...good, body: [{ type: 'Fancy', text: 'x' }] }).length).toBeGreaterThan(0);
  });

  it('refuses two inputs with the same id (the SDK checks)', () => {
    const dup = { ...good, body: [{ type: 'Input.Text', id: 'a', label: 'A' }, { type: 'Input.Text', id: 'a', label: 'A again' }] };
    expect(allCardProblems(dup).some((p) => p.startsWith('sdk:'))).toBe(true);
  });

  it('finds a binding the template left unexpanded', () => {
    expect(allCardProblems({ ...good, body: [{ type: 'TextBlock', text: 'Hi ${name}' }] })).toContain('not expanded: ${name}');
  });

  it('allows the Teams msteams extension on the card', () => {
    expect(allCardProblems({ ...good, msteams: { width: 'Full' } })).toEqual([]);
  });
});
