import { useT } from '../context.tsx';
import type { DatasetState } from './useCityDataset.ts';

/** Overlay on the 3D view while the dataset loads, or with the error that stopped it. */
export function CityStatus({ state }: { state: DatasetState }) {
  const t = useT();
  const failed = state.status === 'error' ? state : state.status === 'ready' ? state.detailsError : undefined;
  if (state.status === 'ready' && !failed) return null;
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
      {t('city.loadError', { file: failed?.file ?? '', message: failed?.message ?? '' })}
    </div>
  );
}
