import { useEffect, useState } from 'react';
import type { AppMode } from '../state/appStore.ts';
import { useApp } from './context.tsx';
import { OperationsView } from './operations/OperationsView.tsx';
import { Presentation } from './Presentation.tsx';
import { ViewerPage } from './ViewerPage.tsx';
import { Workbench } from './Workbench.tsx';

/** The mode named by the URL hash: #/workbench (default), #/presentation, #/viewer (#/operations is its own page). */
function modeFromHash(hash: string): AppMode {
  if (hash.startsWith('#/presentation')) return 'presentation';
  if (hash.startsWith('#/viewer')) return 'viewer';
  return 'workbench';
}

/** Root: picks the app for the route and keeps <html lang> in step with the language. */
export function App() {
  const [mode, setMode] = useState(() => modeFromHash(window.location.hash));
  const [operations, setOperations] = useState(() => window.location.hash.startsWith('#/operations'));
  const language = useApp((s) => s.language);
  useEffect(() => {
    const onHash = () => {
      setMode(modeFromHash(window.location.hash));
      setOperations(window.location.hash.startsWith('#/operations'));
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  if (operations) return <OperationsView />;
  if (mode === 'presentation') return <Presentation />;
  if (mode === 'viewer') return <ViewerPage />;
  return <Workbench />;
}
