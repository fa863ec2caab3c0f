import { readFileSync } from 'node:fs';

/** Parses dotenv text into a map: KEY=VALUE lines, `#` comments, optional `export ` and surrounding quotes. */
export function parseEnvText(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const match = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(line);
    if (line.startsWith('#') || !match?.[1]) continue;
    const value = (match[2] ?? '').trim();
    const quoted = /^(['"])(.*)\1$/.exec(value);
    values[match[1]] = quoted ? (quoted[2] ?? '') : value.replace(/\s+#.*$/, '');
  }
  return values;
}

/** Reads and parses one env file. */
export function readEnvFile(path: string): Record<string, string> {
  return parseEnvText(readFileSync(path, 'utf8'));
}

/** Replaces every `${{NAME}}` in text, throwing an error that names each placeholder without a non-empty value. */
export function fillPlaceholders(text: string, env: Record<string, string | undefined>): string {
  const missing = new Set<string>();
  const filled = text.replace(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_whole, name: string) => {
    const value = env[name];
    if (value === undefined || value === '') missing.add(name);
    return JSON.stringify(value ?? '').slice(1, -1);
  });
  if (missing.size > 0) throw new Error(`No value for ${[...missing].join(', ')}`);
  return filled;
}
