import { useT } from './context.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

/** Title bar with the mode links and the language switch. */
export function Header() {
  const t = useT();
  return (
    <header className="app-header">
      <h1 data-testid="app-title">
        {t('app.title')} <small>{t('app.tagline')}</small>
      </h1>
      <nav>
        <a href="#/workbench">{t('mode.workbench')}</a>
        <a href="#/presentation">{t('mode.presentation')}</a>
        <a href="#/viewer">{t('mode.viewer')}</a>
      </nav>
      <LanguageSwitch />
    </header>
  );
}
