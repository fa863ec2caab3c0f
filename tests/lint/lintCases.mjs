// Lints planted sources with the repository's own ESLint config. It runs in its own Node process because jest
// cannot load the ESM config file (eslint.config.mjs) without --experimental-vm-modules.
import { ESLint } from 'eslint';

let input = '';
for await (const chunk of process.stdin) input += chunk;
const { cwd, cases } = JSON.parse(input);
const eslint = new ESLint({ cwd });
const results = [];
for (const { filePath, code } of cases) {
  const [result] = await eslint.lintText(code, { filePath });
  results.push((result?.messages ?? []).map(({ ruleId, severity, message }) => ({ ruleId, severity, message })));
}
process.stdout.write(JSON.stringify(results));
