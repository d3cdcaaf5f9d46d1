import { cssColor, type Legend } from '../render/legend.ts';
import { useT } from './context.tsx';

/** Draws a layer's legend: swatches for categories, a gradient bar with unit for ramps. */
export function LegendView({ legend }: { legend: Legend }) {
  const t = useT();
  if (legend.kind === 'categories') {
    return (
      <ul className="legend">
        {legend.items.map((item) => (
          <li key={item.label}>
            <span className="swatch" style={{ background: cssColor(item.color) }} />
            {t(item.label)}
          </li>
        ))}
      </ul>
    );
  }
  const first = legend.stops[0];
  const last = legend.stops[legend.stops.length - 1];
  if (!first || !last) return null;
  const gradient = legend.stops
    .map((s) => `${cssColor(s.color)} ${((s.value - first.value) / (last.value - first.value || 1)) * 100}%`)
    .join(', ');
  return (
    <div className="legend">
      <div className="ramp" style={{ background: `linear-gradient(to right, ${gradient})` }} />
      <div className="ramp-labels">
        <span>{first.value}</span>
        <span>
          {last.value} {legend.unit}
        </span>
      </div>
    </div>
  );
}
