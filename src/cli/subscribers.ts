// `npm run subscribers -- import | export | count | show | forget`; see docs/subscriptions.md.
import { runSubscribersCommand } from '../subscriptions/commands.ts';

process.exitCode = await runSubscribersCommand(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => new Date(),
});
