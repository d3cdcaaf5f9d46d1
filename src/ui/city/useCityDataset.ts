import { useEffect, useState } from 'react';
import { DatasetError, type LoadedDataset, loadDataset } from './cityDataset.ts';

/** Where the dataset load stands. */
export type DatasetState =
  | { status: 'loading' }
  | { status: 'ready'; dataset: LoadedDataset }
  | { status: 'error'; file: string; message: string };

/** The default dataset for a view: loading, ready, or an error naming the file. */
export function useCityDataset(): DatasetState {
  const [state, setState] = useState<DatasetState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadDataset().then(
      (dataset) => live && setState({ status: 'ready', dataset }),
      (error: unknown) =>
        live &&
        setState({
          status: 'error',
          file: error instanceof DatasetError ? error.file : 'manifest.json',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
