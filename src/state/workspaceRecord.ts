import { InputError } from '../core/errors.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { parseScenario } from '../scenario/validate.ts';

/** A saved scenario document that no longer validates: kept as saved, flagged with the reason. */
export interface InvalidScenario {
  /** The document's `id` when it has a string one, otherwise `#<position in the record>`. */
  id: string;
  /** Where and why it fails validation (JSON path and message). */
  reason: string;
  /** The document exactly as it was saved (written back by every save, never dropped). */
  document: unknown;
}

/** The autosaved workspace as read back: valid scenarios, flagged invalid ones, the selection. */
export interface SavedWorkspace {
  scenarios: Scenario[];
  invalid: InvalidScenario[];
  currentId: string | null;
  /** Set when the stored record was damaged and moved aside: where to, and why. */
  quarantined?: { key: string; reason: string };
}

/** The stored record: every scenario document (valid and invalid alike) and the selected id. */
export interface WorkspaceRecord {
  scenarios: unknown[];
  currentId: string;
}

/** The record for a workspace: valid scenarios first, then the invalid documents as they were saved. */
export function workspaceRecordOf(
  scenarios: readonly Scenario[],
  invalid: readonly InvalidScenario[],
  currentId: string,
): WorkspaceRecord {
  return { scenarios: [...scenarios, ...invalid.map((i) => i.document)], currentId };
}

/**
 * Reads a stored record. A record of the wrong shape (not an object, `scenarios` not an array,
 * `currentId` neither a string nor null) is damaged: `{ damaged: reason }`, for the caller to
 * quarantine. Otherwise each document is validated on its own; one that fails is flagged, not dropped.
 */
export function readWorkspaceRecord(record: unknown): { workspace: SavedWorkspace } | { damaged: string } {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { damaged: `expected an object, found ${describe(record)}` };
  }
  const { scenarios, currentId } = record as Record<string, unknown>;
  if (!Array.isArray(scenarios))
    return { damaged: `scenarios: expected an array, found ${describe(scenarios)}` };
  if (currentId !== undefined && currentId !== null && typeof currentId !== 'string') {
    return { damaged: `currentId: expected a string, found ${describe(currentId)}` };
  }
  const workspace: SavedWorkspace = { scenarios: [], invalid: [], currentId: currentId ?? null };
  scenarios.forEach((document, index) => {
    try {
      workspace.scenarios.push(parseScenario(document));
    } catch (error) {
      const id = (document as { id?: unknown } | null)?.id;
      workspace.invalid.push({
        id: typeof id === 'string' ? id : `#${index}`,
        reason: error instanceof InputError ? error.message : String(error),
        document,
      });
    }
  });
  return { workspace };
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}
