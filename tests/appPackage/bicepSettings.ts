import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** One app setting of the web app: a literal string, or a Bicep expression filled in at deployment. */
export type BicepSetting = { readonly kind: 'literal'; readonly value: string } | { readonly kind: 'expression' };

/** The web app's settings in infra/azure.bicep (the `webAppSettings` resource), by name. */
export function bicepAppSettings(
  bicep = readFileSync(join(root, 'infra/azure.bicep'), 'utf8'),
): Map<string, BicepSetting> {
  const block = /resource webAppSettings[\s\S]*?\n {2}properties: \{\n([\s\S]*?)\n {2}\}/.exec(bicep)?.[1];
  if (block === undefined) throw new Error('infra/azure.bicep: no webAppSettings resource with properties');
  const settings = new Map<string, BicepSetting>();
  for (const match of block.matchAll(/^ {4}(\w+): (.+)$/gm)) {
    const literal = /^'([^']*)'$/.exec(match[2]!.trim());
    settings.set(match[1]!, literal ? { kind: 'literal', value: literal[1]! } : { kind: 'expression' });
  }
  return settings;
}

/** The web app's start command (siteConfig.appCommandLine). */
export function bicepStartCommand(bicep = readFileSync(join(root, 'infra/azure.bicep'), 'utf8')): string[] {
  const line = /appCommandLine: '([^']+)'/.exec(bicep)?.[1];
  if (line === undefined) throw new Error('infra/azure.bicep: no appCommandLine');
  return line.split(' ');
}
