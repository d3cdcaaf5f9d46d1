import { useApp, useT } from './context.tsx';

/** Right panel: the attributes of the picked feature. */
export function Inspector() {
  const t = useT();
  const selected = useApp((s) => s.selected);
  return (
    <section aria-labelledby="inspector-title" data-testid="inspector">
      <h2 id="inspector-title">{t('panel.inspector')}</h2>
      {selected ? (
        <table className="attributes">
          <tbody>
            <tr>
              <th scope="row">{t('inspector.layer')}</th>
              <td>{selected.layer}</td>
            </tr>
            {Object.entries(selected.attributes).map(([name, value]) => (
              <tr key={name}>
                <th scope="row">{name}</th>
                <td>
                  {typeof value === 'number'
                    ? value.toLocaleString(undefined, { maximumFractionDigits: 2 })
                    : String(value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">{t('inspector.empty')}</p>
      )}
    </section>
  );
}
