import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createAppStore } from './state/appStore.ts';
import { App } from './ui/App.tsx';
import { StoreContext } from './ui/context.tsx';
import './ui/styles.css';

const store = createAppStore(window.localStorage);
const root = document.getElementById('root');
if (!root) throw new Error('#root missing from index.html');
createRoot(root).render(
  <StrictMode>
    <StoreContext.Provider value={store}>
      <App />
    </StoreContext.Provider>
  </StrictMode>,
);
