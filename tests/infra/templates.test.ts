import { existsSync } from 'node:fs';
import path from 'node:path';
import { bracketBody, infraDir, objectProperty, ownProperties, readInfra, type BicepFile } from './bicep';

// What a Bicep compiler would catch first, checked by reading the files: no compiler is reachable
// here (neither npm nor Debian offers one). `az bicep build` in Cloud Shell is the
// real check (infra/README.md).

const files = readInfra();
const byName = new Map(files.map((f) => [f.file, f]));
const main = byName.get('main.bicep');

/** Whether a name is used beyond its declaration (object keys such as `name:` are not uses). */
const referenced = (file: BicepFile, name: string): boolean => {
  const withoutKeys = file.code.replace(/^(\s*)'?\w+'?:/gm, '$1');
  const uses = withoutKeys.match(new RegExp(`(?<![\\w.'])${name}(?![\\w'])`, 'g')) ?? [];
  return uses.length > 1; // the declaration itself is one
};

describe('infra/*.bicep', () => {
  it('has main.bicep and its modules', () => {
    expect(main).toBeDefined();
    expect([...(main?.modules.values() ?? [])].map((m) => m.path).sort()).toEqual([
      'modules/appService.bicep',
      'modules/bot.bicep',
      'modules/identity.bicep',
      'modules/monitoring.bicep',
    ]);
  });

  it.each(files.map((f) => [f.file, f] as const))('%s: every parameter is documented with @description and used', (_, file) => {
    for (const param of file.params) {
      const description = param.decorators.find((d) => d.name === 'description');
      expect({ param: param.name, described: /@description\('.{10,}'\)/s.test(description?.text ?? '') }).toEqual({ param: param.name, described: true });
      expect({ param: param.name, used: referenced(file, param.name) }).toEqual({ param: param.name, used: true });
    }
  });

  it.each(files.map((f) => [f.file, f] as const))('%s: every output is documented with @description', (_, file) => {
    for (const output of file.outputs) {
      expect({ output: output.name, described: output.decorators.some((d) => d.name === 'description') }).toEqual({ output: output.name, described: true });
    }
  });

  describe.each([...(main?.modules.entries() ?? [])])('main.bicep module %s', (symbol, { path: modulePath, text }) => {
    const module = byName.get(modulePath);

    it('exists beside main.bicep', () => {
      expect(existsSync(path.join(infraDir, modulePath))).toBe(true);
      expect(module).toBeDefined();
    });

    it('is given every parameter it has without a default, and no parameter it lacks', () => {
      const given = [...objectProperty(text, 'params').keys()].sort();
      const declared = (module?.params ?? []).map((p) => p.name);
      const required = (module?.params ?? []).filter((p) => p.defaultValue === undefined).map((p) => p.name);
      expect(given.filter((p) => !declared.includes(p))).toEqual([]);
      expect(required.filter((p) => !given.includes(p))).toEqual([]);
    });

    it('has every output main.bicep reads from it', () => {
      const read = [...(main?.code.matchAll(new RegExp(`\\b${symbol}\\.outputs\\.(\\w+)`, 'g')) ?? [])].map((m) => m[1]);
      const declared = (module?.outputs ?? []).map((o) => o.name);
      expect(read.filter((o) => !declared.includes(o ?? ''))).toEqual([]);
    });

    it('has a deployment name of its own', () => {
      expect(ownProperties(bracketBody(text, text.indexOf('{'))).get('name')).toMatch(/^'outreach-[a-z]+'$/);
    });
  });

  describe('API versions', () => {
    const resources = files.flatMap((f) => f.resources.map((r) => ({ file: f.file, ...r })));

    it('every resource pins a dated API version, none a preview (a preview needs a "preview because" comment above it)', () => {
      for (const r of resources) {
        const justified = new RegExp(`//[^\\n]*preview because[^\\n]*\\n(?:@[^\\n]*\\n)*resource ${r.symbol} `).test(byName.get(r.file)?.raw ?? '');
        const pattern = justified ? /^\d{4}-\d{2}-\d{2}(-preview)?$/ : /^\d{4}-\d{2}-\d{2}$/;
        expect({ resource: `${r.file} ${r.symbol}`, apiVersion: r.apiVersion }).toEqual({ resource: `${r.file} ${r.symbol}`, apiVersion: expect.stringMatching(pattern) });
      }
    });

    it('one type, one version, across the files', () => {
      const versions = new Map<string, Set<string>>();
      for (const r of resources) versions.set(r.type, (versions.get(r.type) ?? new Set()).add(r.apiVersion));
      expect([...versions].filter(([, v]) => v.size > 1)).toEqual([]);
    });

    it('covers the resources issue 18 asks for', () => {
      expect([...new Set(resources.map((r) => r.type))].sort()).toEqual([
        'Microsoft.Authorization/roleAssignments', // the identity as Monitoring Metrics Publisher (telemetry)
        'Microsoft.BotService/botServices',
        'Microsoft.BotService/botServices/channels',
        'Microsoft.Insights/components',
        'Microsoft.ManagedIdentity/userAssignedIdentities',
        'Microsoft.OperationalInsights/workspaces',
        'Microsoft.Web/serverfarms',
        'Microsoft.Web/sites',
        'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
      ]);
    });

    it('modules come from this folder, not from a registry', () => {
      for (const f of files) for (const m of f.modules.values()) expect(m.path).toMatch(/^modules\/[\w-]+\.bicep$/);
    });
  });
});
