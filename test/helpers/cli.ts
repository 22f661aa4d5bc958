import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** ../shared beside the repository, where the seeds and eval data live (absent on some machines). */
export const SHARED_DIR = resolve(REPO_ROOT, '..', 'shared');
export const SEEDS_DIR = resolve(SHARED_DIR, 'seeds');
const ENTRY = resolve(REPO_ROOT, 'src', 'cli', 'index.ts');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the crosscheck CLI from source in a child process (as a user would run it). Asynchronous on
 * purpose: a test that waited for several CLI runs in a row synchronously would block the test
 * worker's event loop for minutes on a busy machine, and the runner's own messages would time out.
 */
export function runCrosscheck(args: string[], env: Record<string, string> = {}, options: { prefix?: string[] } = {}): Promise<CliResult> {
  return new Promise((resolveRun) => {
    const prefix = options.prefix ?? [];
    const command = prefix.length > 0 ? prefix[0]! : process.execPath;
    const commandArgs = [...prefix.slice(1), ...(prefix.length > 0 ? [process.execPath] : []), '--import', 'tsx', ENTRY, ...args];
    const child = spawn(command, commandArgs, {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolveRun({ code: code ?? -1, stdout, stderr });
    });
  });
}

/** Starts the CLI without waiting, for tests that interrupt it. */
export function spawnCrosscheck(args: string[], env: Record<string, string> = {}): ReturnType<typeof spawn> {
  return spawn(process.execPath, ['--import', 'tsx', ENTRY, ...args], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env, NO_COLOR: '1' } });
}

/** {@link runCrosscheck}, under the name older tests use. */
export const runCrosscheckAsync = (args: string[]): Promise<CliResult> => runCrosscheck(args);
