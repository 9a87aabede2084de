/**
 * `kabar`: the command line over the same core as the app (no Electron). Built to out/main/cli.js;
 * `npm run cli` (scripts/cli.mjs) and the installed `kabar` run that file. See main/cli/run.ts.
 */
import { runCli } from './cli/run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  cwd: process.cwd(),
});
