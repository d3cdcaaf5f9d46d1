import { useT } from '../context.tsx';
import type { DatasetState } from './useCityDataset.ts';

/** Overlay on the 3D view while the dataset loads, or with the error that stopped it. */
export function CityStatus({ state }: { state: DatasetState }) {
  const t = useT();
  if (state.status === 'ready') return null;
  if (state.status === 'loading') {
    return (
      <div className="city-status" role="status" data-testid="city-loading">
        <span className="city-spinner" aria-hidden="true" />
        {t('city.loading')}
      </div>
    );
  }
  return (
    <div className="city-status city-error" role="alert" data-testid="city-error">
      {t('city.loadError', { file: state.file, message: state.message })}
    </div>
  );
}
