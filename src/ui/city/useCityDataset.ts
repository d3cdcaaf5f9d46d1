import { useEffect, useState } from 'react';
import { DatasetError, type LoadedDataset, type LoadedDetails, loadDataset } from './cityDataset.ts';

/** A load failure: the file it concerns and the problem. */
export interface DatasetFailure {
  file: string;
  message: string;
}

/**
 * Where the dataset load stands: loading, ready (the outline; `details` once the buildings, water
 * and land use have arrived, or `detailsError`), or an error naming the file.
 */
export type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; dataset: LoadedDataset; details?: LoadedDetails; detailsError?: DatasetFailure }
  | ({ status: 'error' } & DatasetFailure);

function failure(error: unknown): DatasetFailure {
  return {
    file: error instanceof DatasetError ? error.file : 'manifest.json',
    message: error instanceof Error ? error.message : String(error),
  };
}

/** The default dataset for a view: loading, ready (outline, then details), or an error naming the file. */
export function useCityDataset(): DatasetState {
  const [state, setState] = useState<DatasetState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadDataset().then(
      (dataset) => {
        if (!live) return;
        setState({ status: 'ready', dataset });
        dataset.details.then(
          (details) => live && setState({ status: 'ready', dataset, details }),
          (error: unknown) => live && setState({ status: 'ready', dataset, detailsError: failure(error) }),
        );
      },
      (error: unknown) => live && setState({ status: 'error', ...failure(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
