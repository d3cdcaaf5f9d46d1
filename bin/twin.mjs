#!/usr/bin/env node
// Runs the TypeScript CLI directly on Node 20 through tsx: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
