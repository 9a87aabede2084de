/** `kabar`: the command line over the same core as the app (no Electron). See main/cli/run.ts. */
import { runCli } from './cli/run';

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text + '\n'),
  stderr: (text) => process.stderr.write(text + '\n'),
  env: process.env,
  cwd: process.env.INIT_CWD ?? process.cwd(),
});
