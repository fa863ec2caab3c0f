// Builds the Teams app package for one environment, offline.
// Usage: npm run package [-- <envName>] [--env-folder <dir>] [--out-dir <dir>]   (defaults: local, env, appPackage/build)
// Fills ${{NAME}} placeholders in appPackage/manifest.json from env/.env.<envName>, env/.env.<envName>.user (if present)
// and process.env (later wins), validates the result against Microsoft's schema shipped in @microsoft/app-manifest,
// and writes appPackage/build/appPackage.<envName>.zip and appPackage/build/manifest.<envName>.json.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AdmZip from 'adm-zip';
import Ajv from 'ajv-draft-04';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const appPackageDir = join(root, 'appPackage');
const placeholder = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** Parses dotenv text: KEY=VALUE lines, `#` comments, optional `export ` and surrounding quotes. */
export function parseEnv(text) {
  const values = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    const value = match[2].trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    values[match[1]] = quoted ? quoted[2] : value.replace(/\s+#.*$/, '');
  }
  return values;
}

/** Reads the environment files for envName; throws when env/.env.<envName> is missing. */
export function loadEnv(envName, envFolder = join(root, 'env'), processEnv = process.env) {
  if (!/^[A-Za-z0-9_-]+$/.test(envName))
    throw new Error(`"${envName}" is not an environment name (letters, digits, - or _).`);
  const base = join(envFolder, `.env.${envName}`);
  if (!existsSync(base)) throw new Error(`No ${display(base)}. Create it or pass another environment name.`);
  const user = `${base}.user`;
  const fromUser = existsSync(user) ? parseEnv(readFileSync(user, 'utf8')) : {};
  return { ...parseEnv(readFileSync(base, 'utf8')), ...fromUser, ...processEnv };
}

/** Replaces every ${{NAME}} in text; throws naming each placeholder that has no non-empty value. */
export function fillPlaceholders(text, env) {
  const missing = new Set();
  const filled = text.replace(placeholder, (_whole, name) => {
    const value = env[name];
    if (value === undefined || value === '') {
      missing.add(name);
      return '';
    }
    return JSON.stringify(String(value)).slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`No value for ${[...missing].map((n) => '${{' + n + '}}').join(', ')}.`);
  return filled;
}

/** Validates a manifest against the schema of its manifestVersion; returns readable error lines (empty when valid). */
export function validateManifest(manifest) {
  const version = manifest.manifestVersion;
  const schemasDir = join(dirname(require.resolve('@microsoft/app-manifest/package.json')), 'build/json-schemas/teams');
  const schemaPath = join(schemasDir, `v${version}`, 'MicrosoftTeams.schema.json');
  if (!existsSync(schemaPath)) return [`No schema for manifestVersion "${version}" in ${relative(root, schemasDir)}.`];
  const ajv = new Ajv({ allErrors: true, strictTypes: false });
  ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S*$/i);
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  if (validate(manifest)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${formatParams(e.params)}`);
}

function formatParams(params) {
  if (params?.allowedValues) return ` (${params.allowedValues.join(', ')})`;
  if (params?.additionalProperty) return ` (${params.additionalProperty})`;
  return '';
}

/** Builds the zip and the filled manifest for envName and returns their paths. */
export function buildPackage(envName, { envFolder, outDir = join(appPackageDir, 'build') } = {}) {
  const env = loadEnv(envName, envFolder);
  const manifestText = fillPlaceholders(readFileSync(join(appPackageDir, 'manifest.json'), 'utf8'), env);
  const manifest = JSON.parse(manifestText);
  const errors = validateManifest(manifest);
  if (errors.length > 0) {
    throw new Error(`appPackage/manifest.json does not match its schema:\n  - ${errors.join('\n  - ')}`);
  }
  mkdirSync(outDir, { recursive: true });
  const zip = new AdmZip();
  zip.addFile('manifest.json', Buffer.from(manifestText, 'utf8'));
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.addFile(icon, readFileSync(join(appPackageDir, icon)));
  }
  const zipPath = join(outDir, `appPackage.${envName}.zip`);
  const jsonPath = join(outDir, `manifest.${envName}.json`);
  zip.writeZip(zipPath);
  writeFileSync(jsonPath, manifestText);
  return { zipPath, jsonPath };
}

/** Shows a path relative to the project when it lies inside it. */
function display(path) {
  const rel = relative(root, path);
  return rel.startsWith('..') ? path : rel;
}

/** Reads `[envName] [--env-folder dir] [--out-dir dir]`. */
function parseArgs(args) {
  const options = { envName: 'local' };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--env-folder') options.envFolder = resolve(args[++i] ?? '');
    else if (arg === '--out-dir') options.outDir = resolve(args[++i] ?? '');
    else options.envName = arg;
  }
  return options;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { envName, ...options } = parseArgs(process.argv.slice(2));
  try {
    const { zipPath, jsonPath } = buildPackage(envName, options);
    console.log(`Teams app package (${envName}): ${display(zipPath)}`);
    console.log(`Filled manifest: ${display(jsonPath)}`);
  } catch (error) {
    console.error(`Could not package the Teams app for "${envName}": ${error.message}`);
    process.exitCode = 1;
  }
}
