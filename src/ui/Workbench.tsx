import { useRef } from 'react';
import { CityView } from './CityView.tsx';
import { ComparePanel } from './ComparePanel.tsx';
import { CompareView } from './CompareView.tsx';
import { useApp, useT } from './context.tsx';
import { FloodPanel } from './flood/FloodPanel.tsx';
import { Header } from './Header.tsx';
import { Inspector } from './Inspector.tsx';
import { LayerPanel } from './LayerPanel.tsx';
import { ScenarioPanel } from './ScenarioPanel.tsx';
import { ScenarioRunPanel } from './ScenarioRunPanel.tsx';
import { SensorPopup } from './sensors/SensorPopup.tsx';
import { SensorsPanel } from './sensors/SensorsPanel.tsx';
import { StatusBar } from './StatusBar.tsx';
import { ViewPanel } from './ViewPanel.tsx';
import { ZoningPanel } from './landuse/ZoningPanel.tsx';
import { TrafficPanel } from './traffic/TrafficPanel.tsx';
import { TourPanel } from './tour/TourPanel.tsx';

/** The planners' workbench: layers and runs on the left, the 3D city, inspector on the right. */
export function Workbench() {
  const t = useT();
  const cameraReadout = useRef<HTMLSpanElement>(null);
  const comparing = useApp((s) => s.compareMode !== 'off');
  return (
    <div className="workbench">
      <Header />
      <aside className="side-panel" aria-label={t('panel.layers')}>
        <ScenarioPanel />
        <ScenarioRunPanel />
        <ViewPanel />
        <LayerPanel />
        <ZoningPanel />
        <FloodPanel />
        <TrafficPanel />
        <SensorsPanel />
        <TourPanel />
      </aside>
      <main className="view">
        {comparing ? <CompareView /> : <CityView cameraReadout={cameraReadout} />}
        {!comparing && <SensorPopup />}
        <div className="north-arrow" title={t('north.arrow')} role="img" aria-label={t('north.arrow')}>
          ▲<br />N
        </div>
      </main>
      <aside className="inspector" aria-label={t('panel.inspector')}>
        <Inspector />
        <ComparePanel />
      </aside>
      <StatusBar cameraReadout={cameraReadout} />
    </div>
  );
}
