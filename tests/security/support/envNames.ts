import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ENVIRONMENT_VARIABLES } from '../../../src/config';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** An environment variable name as Teams Toolkit, Bicep and Azure spell them: upper case with underscores. */
const UPPER_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** Every variable src/config.ts reads, from its own schema. */
export function namesTheAppReads(): string[] {
  return [...ENVIRONMENT_VARIABLES];
}

/** Every upper-case variable name the deployment files mention: Teams Toolkit yml, env files, Bicep, manifests. */
export function namesTheDeploymentFilesMention(): string[] {
  const files = [
    ...readdirSync(root).filter((file) => /^teamsapp.*\.yml$/.test(file)),
    ...readdirSync(path.join(root, 'env')).map((file) => `env/${file}`),
    ...readdirSync(path.join(root, 'infra'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name))),
    'appPackage/manifest.json',
    'aad.manifest.json',
  ];
  return files.flatMap((file) => read(file).match(UPPER_NAME) ?? []);
}

/** Both lists, without repeats, sorted. */
export function everyVariableName(): string[] {
  return [...new Set([...namesTheAppReads(), ...namesTheDeploymentFilesMention()])].sort();
}
