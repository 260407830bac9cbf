import { buildMetadataModel } from './buildMetadataModel';
import { parseCsdl } from './csdlDocument';
import { metadataChecker } from './loadGraphMetadata';
import { findBoundOperation, findMember, isOpenType, isSameOrDerivedFrom, qualifiedTypeName } from './modelLookup';

/** A small fictional model in the shape of Graph's: an alias, a second schema, inheritance, an open type, bound operations. */
const csdl = `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx">
  <edmx:DataServices>
    <Schema Namespace="example.zoo" Alias="zoo" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EnumType Name="diet"><Member Name="herbivore" Value="0" /></EnumType>
      <EntityType Name="entity" Abstract="true">
        <Key><PropertyRef Name="id" /></Key>
        <Property Name="id" Type="Edm.String" Nullable="false" />
      </EntityType>
      <EntityType Name="animal" BaseType="zoo.entity" OpenType="true">
        <Property Name="name" Type="Edm.String" />
        <Property Name="diet" Type="zoo.diet" />
        <Property Name="tag" Type="zoo.tag" />
        <Property Name="photo" Type="Edm.Stream" />
        <NavigationProperty Name="keeper" Type="zoo.keeper" />
        <Annotation Term="Org.OData.Core.V1.Description" String="ignored" />
      </EntityType>
      <EntityType Name="lion" BaseType="zoo.animal">
        <Property Name="maneColour" Type="Edm.String" />
      </EntityType>
      <EntityType Name="keeper" BaseType="zoo.entity">
        <Property Name="tags" Type="Collection(zoo.tag)" />
        <NavigationProperty Name="animals" Type="Collection(zoo.animal)" ContainsTarget="true" />
      </EntityType>
      <ComplexType Name="tag">
        <Property Name="code" Type="Edm.String" />
      </ComplexType>
      <Action Name="feed" IsBound="true">
        <Parameter Name="bindingParameter" Type="zoo.animal" />
        <Parameter Name="Food" Type="Edm.String" />
        <Parameter Name="Tag" Type="zoo.tag" />
      </Action>
      <Function Name="hungry" IsBound="true">
        <Parameter Name="bindingParameter" Type="Collection(zoo.animal)" />
        <ReturnType Type="Collection(zoo.animal)" />
      </Function>
      <Action Name="unbound" />
      <EntityContainer Name="ZooService">
        <EntitySet Name="keepers" EntityType="example.zoo.keeper" />
        <Singleton Name="star" Type="example.zoo.lion" />
      </EntityContainer>
    </Schema>
    <Schema Namespace="example.zoo.aquarium" xmlns="http://docs.oasis-open.org/odata/ns/edm">
      <EntityType Name="fish" BaseType="zoo.animal" />
    </Schema>
  </edmx:DataServices>
</edmx:Edmx>`;

const model = buildMetadataModel(parseCsdl(csdl));

describe('building the model from CSDL', () => {
  it('qualifies type names and resolves schema aliases across schemas', () => {
    expect(model.structuredTypes.get('example.zoo.aquarium.fish')?.baseType).toBe('example.zoo.animal');
    expect(findMember(model, 'example.zoo.keeper', 'tags')).toEqual({ name: 'tags', kind: 'property', type: 'example.zoo.tag', collection: true });
    expect(qualifiedTypeName(model, '#zoo.lion')).toBe('example.zoo.lion');
  });

  it('finds members through base types, by lower-cased name', () => {
    expect(findMember(model, 'example.zoo.lion', 'id')?.name).toBe('id');
    expect(findMember(model, 'example.zoo.lion', 'manecolour')?.name).toBe('maneColour');
    expect(findMember(model, 'example.zoo.keeper', 'manecolour')).toBeUndefined();
  });

  it('makes derived types of an open type open', () => {
    expect(isOpenType(model, 'example.zoo.lion')).toBe(true);
    expect(isOpenType(model, 'example.zoo.keeper')).toBe(false);
  });

  it('knows which types derive from which', () => {
    expect(isSameOrDerivedFrom(model, 'example.zoo.aquarium.fish', 'example.zoo.entity')).toBe(true);
    expect(isSameOrDerivedFrom(model, 'example.zoo.keeper', 'example.zoo.animal')).toBe(false);
  });

  it('indexes bound operations by binding type, collection-ness and name; skips unbound ones', () => {
    expect(findBoundOperation(model, 'example.zoo.lion', false, 'feed')?.name).toBe('example.zoo.feed');
    expect(findBoundOperation(model, 'example.zoo.lion', false, 'zoo.feed')?.name).toBe('example.zoo.feed');
    expect(findBoundOperation(model, 'example.zoo.lion', true, 'feed')).toBeUndefined();
    expect(findBoundOperation(model, 'example.zoo.animal', true, 'hungry')?.kind).toBe('function');
    expect(findBoundOperation(model, 'example.zoo.animal', false, 'unbound')).toBeUndefined();
    expect(model.enumTypes.has('example.zoo.diet')).toBe(true);
  });

  it('refuses a document that is not CSDL, saying so', () => {
    expect(() => parseCsdl('<html><body>not metadata</body></html>')).toThrow(/Not an OData CSDL document/);
  });
});

describe('the checker over a model', () => {
  const checker = metadataChecker(model);

  it('reaches a stream property as content and an action on a base type', () => {
    expect(checker.check({ method: 'PUT', path: '/star/photo', body: { anything: true } })).toEqual({ ok: true, target: { type: 'Edm.Stream', kind: 'content' } });
    expect(checker.check({ method: 'POST', path: '/keepers/k1/animals/a1/feed', body: { food: 'hay', tag: { code: 'x' } } }))
      .toEqual({ ok: true, target: { type: 'example.zoo.feed', kind: 'action' } });
  });

  it('checks complex action parameters recursively', () => {
    expect(checker.check({ method: 'POST', path: '/star/feed', body: { tag: { colour: 'x' } } })).toMatchObject({
      ok: false, message: "Invalid request: property 'colour' does not exist on type 'example.zoo.tag'",
    });
  });

  it('switches to a derived type with @odata.type, and only then accepts its properties', () => {
    const lion = { '@odata.type': '#example.zoo.lion', maneColour: 'gold' };
    expect(checker.check({ method: 'POST', path: '/keepers/k1/animals', body: lion })).toMatchObject({ ok: true });
    expect(checker.check({ method: 'POST', path: '/keepers', body: { animals: [{ '@odata.type': '#example.zoo.keeper' }] } })).toMatchObject({ ok: false });
  });

  it('refuses path addressing on types Graph does not address by path', () => {
    expect(checker.check({ method: 'GET', path: '/keepers/k1:/a/b:' })).toMatchObject({ ok: false, message: "Resource not found for the segment 'k1:'." });
  });
});
