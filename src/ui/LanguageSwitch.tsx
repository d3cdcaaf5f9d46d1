import { useContext } from 'react';
import { StoreContext, useApp, useT } from './context.tsx';

/** Toggles Vietnamese / English; the choice survives a reload. */
export function LanguageSwitch() {
  const store = useContext(StoreContext);
  const language = useApp((s) => s.language);
  const t = useT();
  return (
    <button
      type="button"
      data-testid="language-switch"
      aria-label={t('app.language')}
      onClick={() => store?.getState().setLanguage(language === 'vi' ? 'en' : 'vi')}
    >
      {t('app.switchLanguage')}
    </button>
  );
}
