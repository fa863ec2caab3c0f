import { load } from 'js-yaml';

/** What `teamsapp deploy` does, read from teamsapp.yml: npm commands in order, then one zip deploy. */
export interface DeployPlan {
  /** Each cli/runNpmCommand's arguments, e.g. ['ci', '--no-audit']. */
  readonly npmCommands: readonly (readonly string[])[];
  /** azureAppService/zipDeploy's folder and ignore file, relative to the project. */
  readonly artifactFolder: string;
  readonly ignoreFile: string;
}

interface Step {
  readonly uses: string;
  readonly with?: Record<string, unknown>;
}

/** Reads the deploy lifecycle; any other kind of step is an error, so this test cannot silently skip it. */
export function deployPlan(ymlText: string): DeployPlan {
  const steps = (load(ymlText) as { deploy?: Step[] }).deploy ?? [];
  const npmCommands: string[][] = [];
  let zip: { artifactFolder: string; ignoreFile: string } | undefined;
  for (const step of steps) {
    const args = step.with ?? {};
    if (step.uses === 'cli/runNpmCommand' && args.workingDirectory === undefined) {
      npmCommands.push(String(args.args).trim().split(/\s+/));
    } else if (step.uses === 'azureAppService/zipDeploy' && zip === undefined) {
      zip = { artifactFolder: String(args.artifactFolder), ignoreFile: String(args.ignoreFile) };
    } else {
      throw new Error(`teamsapp.yml deploy step ${step.uses} is not reproduced by tests/deploy; teach it this step`);
    }
  }
  if (!zip) throw new Error('teamsapp.yml deploys nothing: no azureAppService/zipDeploy step');
  return { npmCommands, ...zip };
}
