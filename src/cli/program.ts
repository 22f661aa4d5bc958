import { Command, CommanderError } from 'commander';
import { CROSSCHECK_VERSION } from '../core/index.js';
import { registerArticles, registerReextract } from './commands/articles.js';
import { registerDoctor } from './commands/doctor.js';
import { registerIngest } from './commands/ingest.js';
import { registerOutlets } from './commands/outlets.js';
import { registerScaleCommands } from './commands/scale.js';
import { registerServe } from './commands/serve.js';
import { registerStories } from './commands/stories.js';
import { registerStoreCommands } from './commands/store.js';
import { registerWatch } from './commands/watch.js';
import { EXIT_FATAL, reportFatal } from './context.js';


/** Builds the `crosscheck` command line. */
export function buildProgram(): Command {
  const program = new Command('crosscheck')
    .description('read one news event through many outlets at once')
    .version(CROSSCHECK_VERSION)
    .showHelpAfterError()
    // Options after a subcommand belong to it (`feeds import X --db Y`), not to its parent.
    .enablePositionalOptions()
    .exitOverride();
  registerIngest(program);
  registerArticles(program);
  registerReextract(program);
  registerStories(program);
  registerWatch(program);
  registerServe(program);
  registerDoctor(program);
  registerOutlets(program);
  registerStoreCommands(program);
  registerScaleCommands(program);
  return program;
}

/** Runs the command line on `argv` (process.argv form) and returns the exit code. */
export async function runCli(argv: string[]): Promise<number> {
  const program = buildProgram();
  process.exitCode = 0;
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : EXIT_FATAL;
    return reportFatal(error, argv.includes('--json'));
  }
}
