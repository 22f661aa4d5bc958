#!/usr/bin/env node
import { exitQuietlyOnClosedPipe } from './context.js';
import { runCli } from './program.js';

exitQuietlyOnClosedPipe();

process.exitCode = await runCli(process.argv);
