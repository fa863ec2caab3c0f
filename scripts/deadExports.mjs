// @ts-check
/**
 * Lists the exports of src/ and tab/src/ that no other file imports (tests, benches and scripts count as importers),
 * so an export is either used or not an export. `npm run lint` runs it; it exits 1 when it finds any.
 * Usage: node scripts/deadExports.mjs [root]
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import ts from 'typescript';

/** Folders whose exports must be imported somewhere else. */
const CHECKED = ['src/', 'tab/src/'];
/** Folders whose imports count as use. */
const IMPORTERS = ['src', 'tab', 'tests', 'bench', 'scripts'];
/** Loaded by Node or by a page rather than imported, so their exports are not checked. */
const ENTRIES = new Set(['src/index.ts', 'tab/src/main.tsx']);
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'coverage', '.data']);
const CODE = /\.(ts|tsx|mts|mjs|js)$/;
const RESOLVED_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.mjs', '.js', '/index.ts', '/index.tsx'];

/** @param {string} dir @returns {string[]} */
function codeFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : codeFiles(full);
    return CODE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The file a relative specifier names (TypeScript's `.js` suffix included), or undefined for packages. */
function resolve(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(from), specifier);
  const stems = [base, base.replace(/\.js$/, '')];
  for (const stem of stems) {
    for (const extension of RESOLVED_EXTENSIONS) {
      const candidate = stem + extension;
      if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
    }
  }
  return undefined;
}

/**
 * @typedef {{ line: number, from?: { file: string, name: string } }} Export
 * @typedef {{ exports: Map<string, Export>, stars: string[], uses: { file: string, name: string }[] }} Module
 */

/** @param {ts.Node} node */
const exported = (node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
/** @param {ts.Node} node */
const isDefault = (node) =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

/** @param {ts.BindingName} name @returns {string[]} */
function boundNames(name) {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/** The exports a statement declares here (not re-exports). */
function declaredNames(statement) {
  if (ts.isExportAssignment(statement)) return ['default'];
  if (!exported(statement)) return [];
  if (ts.isVariableStatement(statement)) {
    return statement.declarationList.declarations.flatMap((declaration) => boundNames(declaration.name));
  }
  if (isDefault(statement)) return ['default'];
  const name = /** @type {{ name?: ts.Node }} */ (statement).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/** Reads one file's exports, `export *` targets and the names it uses from other files. */
function readModule(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  /** @type {Module} */
  const module = { exports: new Map(), stars: [], uses: [] };
  const lineOf = (node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
  const use = (specifier, name) => {
    const target = resolve(file, specifier);
    if (target) module.uses.push({ file: target, name });
  };
  for (const statement of source.statements) {
    for (const name of declaredNames(statement)) module.exports.set(name, { line: lineOf(statement) });
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const specifier = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) use(specifier, 'default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) use(specifier, '*');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const element of bindings.elements) use(specifier, (element.propertyName ?? element.name).text);
      }
    }
    if (ts.isExportDeclaration(statement)) {
      const specifier =
        statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
          ? statement.moduleSpecifier.text
          : undefined;
      const target = specifier === undefined ? undefined : resolve(file, specifier);
      const clause = statement.exportClause;
      if (!clause) {
        if (target) module.stars.push(target);
      } else if (ts.isNamespaceExport(clause)) {
        module.exports.set(clause.name.text, { line: lineOf(statement) });
        if (specifier !== undefined) use(specifier, '*');
      } else {
        for (const element of clause.elements) {
          const original = (element.propertyName ?? element.name).text;
          const from = target && { file: target, name: original };
          module.exports.set(element.name.text, from ? { line: lineOf(element), from } : { line: lineOf(element) });
        }
      }
    }
  }
  // import('./x'), require('./x') and import('./x').Type: every export of the target counts as used.
  const visit = (node) => {
    const call = ts.isCallExpression(node) && node.arguments.length === 1 ? node : undefined;
    const loads =
      call &&
      (call.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(call.expression) && call.expression.text === 'require'));
    const argument = loads ? call.arguments[0] : undefined;
    if (argument && ts.isStringLiteral(argument)) use(argument.text, '*');
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      use(node.argument.literal.text, '*');
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return module;
}

/**
 * The exports under src/ and tab/src/ (entry points aside) that no other file under `root` imports, directly, by a
 * re-export or through `export *`.
 * @param {string} root
 * @returns {{ file: string, line: number, name: string }[]}
 */
export function findDeadExports(root) {
  /** @type {Map<string, Module>} */
  const modules = new Map();
  for (const file of IMPORTERS.flatMap((dir) => codeFiles(path.join(root, dir)))) modules.set(file, readModule(file));
  /** @type {Map<string, Set<string>>} */
  const used = new Map();
  const seen = new Set();
  const markUsed = (file, name) => {
    const key = `${file}#${name}`;
    const module = modules.get(file);
    if (seen.has(key) || !module) return;
    seen.add(key);
    const names = name === '*' ? [...module.exports.keys()] : [name];
    for (const each of names) {
      const entry = module.exports.get(each);
      if (!entry) continue;
      used.set(file, (used.get(file) ?? new Set()).add(each));
      if (entry.from) markUsed(entry.from.file, entry.from.name);
    }
    // A name this module does not declare may come through one of its `export *`.
    if (name === '*' || !module.exports.has(name)) for (const star of module.stars) markUsed(star, name);
  };
  for (const module of modules.values()) for (const { file, name } of module.uses) markUsed(file, name);

  const relative = (file) => path.relative(root, file).split(path.sep).join('/');
  return [...modules]
    .map(([file, module]) => ({ file: relative(file), module, usedHere: used.get(file) ?? new Set() }))
    .filter(({ file }) => CHECKED.some((dir) => file.startsWith(dir)) && !ENTRIES.has(file))
    .flatMap(({ file, module, usedHere }) =>
      [...module.exports]
        .filter(([name]) => !usedHere.has(name))
        .map(([name, entry]) => ({ file, line: entry.line, name })),
    )
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const dead = findDeadExports(path.resolve(process.argv[2] ?? '.'));
  for (const { file, line, name } of dead) console.log(`${file}:${line} ${name}`);
  if (dead.length > 0) {
    console.error(`${dead.length} export(s) nothing imports: delete them, or drop the export keyword.`);
    process.exitCode = 1;
  }
}
