import { nameValuePairs, objectProperty, parseBicep, stringLiteral, stripComments, unbalancedBracket } from './bicep';

// The reader the template tests rely on, on a small file of its own.
const sample = `// a comment with 'quotes' and { brackets
targetScope = 'resourceGroup'

@description('Where: // not a comment')
@allowed([
  'a'
  'b'
])
param where string = 'a'

param tags object = {
  product: 'x'
}

var settings = [
  {
    name: 'ONE'
    value: where
  }
  {
    // why two
    name: 'TWO'
    value: 'https://\${where}/x'
  }
]

module m 'modules/m.bicep' = {
  name: 'm'
  params: {
    where: where /* inline */
    nested: {
      inner: 1
    }
  }
}

resource r 'Microsoft.Test/things@2024-01-01' = {
  name: 'r'
}

@description('Its id.')
output id string = r.id
`;

describe('the Bicep reader used by the infra tests', () => {
  const file = parseBicep('sample.bicep', sample);

  it('reads params with their decorators and defaults', () => {
    expect(file.params.map((p) => [p.name, p.type, p.defaultValue])).toEqual([
      ['where', 'string', "'a'"],
      ['tags', 'object', "{\n  product: 'x'\n}"],
    ]);
    expect(file.params[0]?.decorators.map((d) => d.name)).toEqual(['description', 'allowed']);
    expect(file.params[0]?.decorators[0]?.text).toContain('// not a comment');
  });

  it('reads resources, outputs, vars and modules', () => {
    expect(file.resources).toEqual([expect.objectContaining({ symbol: 'r', type: 'Microsoft.Test/things', apiVersion: '2024-01-01', existing: false })]);
    expect(file.outputs).toEqual([expect.objectContaining({ name: 'id', type: 'string', value: 'r.id' })]);
    expect([...file.vars.keys()]).toEqual(['settings']);
    expect(file.modules.get('m')?.path).toBe('modules/m.bicep');
  });

  it('reads a module\'s own params, not the nested ones, without comments', () => {
    const params = objectProperty(file.modules.get('m')?.text ?? '', 'params');
    expect([...params.entries()]).toEqual([
      ['where', 'where'],
      ['nested', '{'],
    ]);
  });

  it('reads name and value pairs', () => {
    expect(nameValuePairs(file.vars.get('settings') ?? '')).toEqual([
      { name: 'ONE', value: 'where' },
      { name: 'TWO', value: "'https://${where}/x'" },
    ]);
  });

  it('tells a plain string literal from an expression', () => {
    expect(stringLiteral("'production'")).toBe('production');
    expect(stringLiteral("'it\\'s'")).toBe("it's");
    expect(stringLiteral("'https://${host}/x'")).toBeUndefined();
    expect(stringLiteral('tenant().tenantId')).toBeUndefined();
  });

  it('keeps // inside strings and finds brackets that do not pair', () => {
    expect(stripComments("x: 'https://a' // gone")).toBe("x: 'https://a' ");
    expect(unbalancedBracket("a: { b: [ 'c]' ] }")).toBeUndefined();
    expect(unbalancedBracket('a: { b: [ }')).toMatch(/unexpected }/);
    expect(unbalancedBracket('a: {')).toMatch(/unclosed/);
  });

  it('refuses a line it cannot place', () => {
    expect(() => parseBicep('bad.bicep', 'resorce r \'X@1\' = {}\n')).toThrow(/not a statement/);
  });
});
