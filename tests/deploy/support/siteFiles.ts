import { chmodSync, copyFileSync, linkSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ignore from 'ignore';

/** The folder the Toolkit always leaves out (teamsfx-core DeployConstant.DEPLOYMENT_TMP_FOLDER): its zip cache. */
const DEPLOYMENT_TMP_FOLDER = '.deployment';

/**
 * The files azureAppService/zipDeploy puts in its zip, chosen as teamsfx-core does (BaseDeployImpl.handleIgnore and
 * zipFolderAsync): the ignore file's lines, trimmed, added to an `ignore` matcher after `.deployment`; a klaw walk of
 * the artifact folder that tests each path relative to it (a folder without a trailing slash) and does not enter an
 * ignored folder. `ignoreText` is the ignore file's content. Paths are relative, with `/`.
 */
export function siteFiles(folder: string, ignoreText: string): string[] {
  const ig = ignore().add(DEPLOYMENT_TMP_FOLDER);
  for (const line of ignoreText.split('\n')) ig.add(line.trim());
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      const relative = path.relative(folder, full).split(path.sep).join('/');
      if (ig.test(relative).ignored) continue;
      // klaw follows symbolic links (fs.stat), as the zip does when it reads each file.
      if (statSync(full).isDirectory()) walk(full);
      else files.push(relative);
    }
  };
  walk(folder);
  return files;
}

/**
 * Puts the files into `site` and makes it read-only, as App Service mounts the package. `linkFiles` (for a process
 * that runs as another user than the files' owner) hard-links them and locks only the folders, so the shared inodes'
 * modes are never changed; otherwise each file is a real copy, made read-only too.
 */
export function writeReadOnlySite(folder: string, files: readonly string[], site: string, linkFiles: boolean): void {
  for (const file of files) {
    mkdirSync(path.dirname(path.join(site, file)), { recursive: true });
    (linkFiles ? linkSync : copyFileSync)(path.join(folder, file), path.join(site, file));
  }
  const lock = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) lock(full);
      else if (!linkFiles) chmodSync(full, statSync(full).mode & 0o555);
    }
    chmodSync(dir, 0o555);
  };
  lock(site);
}
