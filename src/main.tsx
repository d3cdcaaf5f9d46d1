import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import baselineDocument from '../scenarios/baseline.json';
import { decodeShareCode } from './scenario/shareLink.ts';
import { parseScenario } from './scenario/validate.ts';
import { createAppStore } from './state/appStore.ts';
import { indexedDbScenarioStorage } from './state/indexedDbStorage.ts';
import { createScenarioStore, persistScenarios } from './state/scenarioStore.ts';
import { App } from './ui/App.tsx';
import { ScenarioContext, StoreContext } from './ui/context.tsx';
import './ui/styles.css';

const store = createAppStore(window.localStorage);
const scenarios = createScenarioStore([parseScenario(baselineDocument)]);

/** A shared link (`#/workbench?s=CODE`) adds its scenario on top of the autosaved workspace. */
function importShareLink() {
  const code = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('s');
  if (!code) return;
  try {
    scenarios.getState().importDocument(decodeShareCode(code));
  } catch (error) {
    scenarios.setState({ lastError: error instanceof Error ? error.message : String(error) });
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
void persistScenarios(scenarios, indexedDbScenarioStorage())
  .catch((error: unknown) => scenarios.setState({ lastError: `autosave unavailable: ${String(error)}` }))
  .then(importShareLink);
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <ScenarioContext.Provider value={scenarios}>
        <App />
      </ScenarioContext.Provider>
    </StoreContext.Provider>
  </StrictMode>,
);
