import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

/** An environment variable name as Teams Toolkit, Bicep and Azure spell them: upper case with underscores. */
const UPPER_NAME = /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;

/** The keys of `envSchema` in src/config.ts, read from its source so a name added there is seen here. */
export function namesTheAppReads(): string[] {
  const source = read('src/config.ts');
  const start = source.indexOf('const envSchema = z.object({');
  const end = source.indexOf('\n});', start);
  if (start < 0 || end < 0)
    throw new Error('src/config.ts: envSchema not found; update tests/security/support/envNames.ts');
  return [...source.slice(start, end).matchAll(/^ {2}([A-Za-z_][A-Za-z0-9_]*):/gm)].map((match) => match[1]!);
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
