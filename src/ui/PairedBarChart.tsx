/** One row of a paired bar chart: a label and the two values compared. */
export interface PairedBar {
  key: string;
  label: string;
  a: number;
  b: number;
}

const BAR_WIDTH = 120;
const LABEL_WIDTH = 150;
const ROW_HEIGHT = 26;
const COLOR_A = '#9aa5ad';

/**
 * Horizontal bars comparing two runs (A grey, B in `colorB`) per row, each row scaled to its
 * larger value, with a legend naming A and B. Plain SVG, accessible by its label.
 */
export function PairedBarChart({
  rows,
  labelA,
  labelB,
  colorB,
  ariaLabel,
  className,
}: {
  rows: readonly PairedBar[];
  labelA: string;
  labelB: string;
  colorB: string;
  ariaLabel: string;
  className?: string;
}) {
  return (
    <svg
      className={className}
      width={BAR_WIDTH + LABEL_WIDTH}
      height={rows.length * ROW_HEIGHT + 20}
      role="img"
      aria-label={ariaLabel}
    >
      {rows.map((row, i) => {
        const max = Math.max(Math.abs(row.a), Math.abs(row.b), 1e-12);
        return (
          <g key={row.key} transform={`translate(0 ${i * ROW_HEIGHT})`}>
            <text x={0} y={11} fontSize={10}>
              {row.label.slice(0, 26)}
            </text>
            <rect
              x={LABEL_WIDTH}
              y={2}
              height={9}
              width={(BAR_WIDTH * Math.abs(row.a)) / max}
              fill={COLOR_A}
            />
            <rect
              x={LABEL_WIDTH}
              y={12}
              height={9}
              width={(BAR_WIDTH * Math.abs(row.b)) / max}
              fill={colorB}
            />
          </g>
        );
      })}
      <g transform={`translate(${LABEL_WIDTH} ${rows.length * ROW_HEIGHT + 4})`}>
        <rect width={9} height={9} fill={COLOR_A} />
        <text x={12} y={8} fontSize={10}>
          {labelA}
        </text>
        <rect x={70} width={9} height={9} fill={colorB} />
        <text x={82} y={8} fontSize={10}>
          {labelB}
        </text>
      </g>
    </svg>
  );
}
