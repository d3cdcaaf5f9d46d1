import { useContext } from 'react';
import type { CompareMode } from '../state/appStore.ts';
import { DifferencePanel } from './compare/DifferencePanel.tsx';
import { StoreContext, useApp, useScenarios, useT } from './context.tsx';
import { KpiTable } from './KpiTable.tsx';

const MODES: readonly CompareMode[] = ['off', 'split', 'swipe'];

/** Comparison controls: mode, scenarios A and B, the KPI table and the difference layers. */
export function ComparePanel() {
  const t = useT();
  const store = useContext(StoreContext);
  const mode = useApp((s) => s.compareMode);
  const ids = useApp((s) => s.compareIds);
  const language = useApp((s) => s.language);
  const order = useScenarios((s) => s.order);
  const scenarios = useScenarios((s) => s.scenarios);
  const setIds = (next: [string, string]) => store?.getState().setCompare(mode, next);
  return (
    <section aria-labelledby="compare-title">
      <h2 id="compare-title">{t('compare.title')}</h2>
      <div className="button-row">
        {MODES.map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            data-testid={`compare-${m}`}
            className={mode === m ? 'active' : ''}
            onClick={() => store?.getState().setCompare(m)}
          >
            {t(`compare.${m}`)}
          </button>
        ))}
      </div>
      {(['a', 'b'] as const).map((side, i) => (
        <label key={side} className="slider">
          {t(side === 'a' ? 'compare.a' : 'compare.b')}
          <select
            data-testid={`compare-select-${side}`}
            value={ids[i]}
            onChange={(e) => setIds(i === 0 ? [e.target.value, ids[1]] : [ids[0], e.target.value])}
          >
            {order.map((id) => (
              <option key={id} value={id}>
                {scenarios[id]?.name[language] ?? id}
              </option>
            ))}
          </select>
        </label>
      ))}
      <KpiTable />
      <DifferencePanel />
    </section>
  );
}
