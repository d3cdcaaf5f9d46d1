#!/usr/bin/env node
// Runs the TypeScript CLI directly on Node 20 through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { main, reportInternalError } = await import('../src/cli/main.ts');
const argv = process.argv.slice(2);
// An error escaping main (a worker thread's, a stray promise's) is a bug too: one line and a log, exit 70.
const crash = (error) => process.exit(reportInternalError(error, argv));
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);
process.exitCode = await main(argv);
