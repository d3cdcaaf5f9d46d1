import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import baselineDocument from '../scenarios/baseline.json';
import { parseScenario } from './scenario/validate.ts';
import { createAppStore } from './state/appStore.ts';
import { indexedDbScenarioStorage } from './state/indexedDbStorage.ts';
import { createScenarioStore, persistScenarios } from './state/scenarioStore.ts';
import { takeHashParameter } from './ui/addressParameter.ts';
import { App } from './ui/App.tsx';
import { loadDataset } from './ui/city/cityDataset.ts';
import { ScenarioContext, StoreContext } from './ui/context.tsx';
import './ui/styles.css';

const store = createAppStore(window.localStorage);
const scenarios = createScenarioStore([parseScenario(baselineDocument)]);

/**
 * A shared link (`#/workbench?s=CODE`) adds its scenario on top of the autosaved workspace (as a
 * new copy when its id is taken), then leaves the address so a reload does not import it again.
 */
function importShareLink() {
  const code = takeHashParameter('s');
  if (code) scenarios.getState().importShareCode(code);
}

// the 3D views' dataset: its worker fetches and parses while React mounts and WebGL starts
if (!/^#\/(viewer|operations)/.test(window.location.hash)) void loadDataset().catch(() => {});

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
void persistScenarios(scenarios, indexedDbScenarioStorage()).then(importShareLink);
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ScenarioContext.Provider value={scenarios}>
        <App />
      </ScenarioContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
