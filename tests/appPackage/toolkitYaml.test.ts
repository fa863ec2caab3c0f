import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';

const root = join(__dirname, '..', '..');
const SCHEMA_VERSION = 'v1.11';

/**
 * The Toolkit's own check (teamsfx-core's yaml Validator): js-yaml `load`, then ajv 8 with `allowUnionTypes` and the
 * `deprecationMessage` keyword, against `resource/yaml-schema/<version>/yaml.schema.json`
 * (vendored: see toolkitSchema/README.md).
 */
function toolkitValidator(version: string) {
  const ajv = new Ajv({ allowUnionTypes: true });
  ajv.addKeyword('deprecationMessage');
  const schemaPath = join(__dirname, 'toolkitSchema', version, 'yaml.schema.json');
  const check = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);
  return (content: unknown): string[] =>
    check(content) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

const validate = toolkitValidator(SCHEMA_VERSION);
const parse = (file: string): Record<string, unknown> =>
  load(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;

describe.each(['teamsapp.yml', 'teamsapp.local.yml'])('%s', (file) => {
  const content = parse(file);

  it(`declares the schema version the current Toolkit templates use (${SCHEMA_VERSION})`, () => {
    expect(content.version).toBe(SCHEMA_VERSION);
    expect(readFileSync(join(root, file), 'utf8')).toContain(
      `$schema=https://aka.ms/m365-agents-toolkits/${SCHEMA_VERSION}/yaml.schema.json`,
    );
  });

  it("is accepted by the Toolkit's yml schema", () => {
    expect(validate(content)).toEqual([]);
  });
});

describe("the Toolkit's yml schema", () => {
  const content = parse('teamsapp.yml');
  const zipStep = (copy: Record<string, unknown>) =>
    (copy.provision as { uses: string; with: Record<string, string> }[]).find(
      (step) => step.uses === 'teamsApp/zipAppPackage',
    )!;

  it('rejects the outputJsonPath that older files used instead of outputFolder', () => {
    const copy = structuredClone(content);
    const step = zipStep(copy);
    delete step.with.outputFolder;
    step.with.outputJsonPath = './appPackage/build/manifest.${{TEAMSFX_ENV}}.json';
    expect(validate(copy).length).toBeGreaterThan(0);
  });

  it('rejects an unknown action', () => {
    const copy = structuredClone(content);
    (copy.deploy as unknown[]).push({ uses: 'azureAppService/zipDeploys', with: {} });
    expect(validate(copy).length).toBeGreaterThan(0);
  });
});
