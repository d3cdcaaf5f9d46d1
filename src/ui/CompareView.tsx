import { useMemo, useState } from 'react';
import { createCameraLink } from '../render/cameraLink.ts';
import { CityView } from './CityView.tsx';
import { useApp, useScenarios, useT } from './context.tsx';

/**
 * Two scenarios side by side with linked cameras (split), or overlaid with a draggable divider
 * (swipe: B is revealed right of the divider). Arrow keys move the divider. View B also draws the
 * difference layers against A (flood depth, traffic volume, floor space) once both have run.
 * `names` labels the panes (default: the scenarios' names in the workspace).
 */
export function CompareView({ names }: { names?: [string, string] } = {}) {
  const t = useT();
  const mode = useApp((s) => s.compareMode);
  const [idA, idB] = useApp((s) => s.compareIds);
  const language = useApp((s) => s.language);
  const savedA = useScenarios((s) => s.scenarios[idA]?.name[language] ?? idA);
  const savedB = useScenarios((s) => s.scenarios[idB]?.name[language] ?? idB);
  // a tour's scenarios need not be in the workspace: the presentation names them
  const [nameA, nameB] = names ?? [savedA, savedB];
  const link = useMemo(() => createCameraLink(), []);
  const [swipePercent, setSwipePercent] = useState(50);
  const swipe = mode === 'swipe';
  return (
    <div className={swipe ? 'compare swipe' : 'compare split'} data-testid="compare-view">
      <div className="compare-pane">
        <span className="pane-label">A · {nameA}</span>
        <CityView
          cameraLink={link}
          viewIndex={0}
          testId="compare-canvas-a"
          view="compareA"
          scenarioId={idA}
        />
      </div>
      <div className="compare-pane" style={swipe ? { clipPath: `inset(0 0 0 ${swipePercent}%)` } : undefined}>
        <span className="pane-label pane-label-b">B · {nameB}</span>
        <CityView
          cameraLink={link}
          viewIndex={1}
          testId="compare-canvas-b"
          view="compareB"
          scenarioId={idB}
        />
      </div>
      {swipe && (
        <input
          className="swipe-handle"
          type="range"
          min={0}
          max={100}
          value={swipePercent}
          aria-label={t('compare.swipeHandle')}
          onChange={(e) => setSwipePercent(Number(e.target.value))}
        />
      )}
    </div>
  );
}
