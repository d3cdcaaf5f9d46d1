import type { Command } from '../command.ts';

/**
 * The `twin` command registry: name → lazy loader, so `twin --help` stays fast and each
 * command's dependencies load only when it runs. Add one line per command.
 */
export const COMMANDS: ReadonlyArray<{ name: string; summary: string; load: () => Promise<Command> }> = [
  {
    name: 'scenario validate',
    summary: 'check a scenario document and list every problem',
    load: async () => (await import('./scenarioValidate.ts')).scenarioValidate,
  },
];
