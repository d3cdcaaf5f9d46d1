/**
 * Chamfer distance transform (Borgefors 1986, 3-4 weights, two raster passes): for every cell,
 * the approximate Euclidean distance in cells to the nearest cell where `isSource` is set
 * (error ≤ 8 % of the distance). Used to shape the synthetic terrain around rivers.
 */
export function chamferDistance(isSource: Uint8Array, cols: number, rows: number): Float32Array {
  const big = 1e9;
  const d = new Float32Array(cols * rows);
  for (let i = 0; i < d.length; i++) d[i] = isSource[i] ? 0 : big;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const i = r * cols + c;
      let v = d[i]!;
      if (c > 0) v = Math.min(v, d[i - 1]! + 3);
      if (r > 0) {
        v = Math.min(v, d[i - cols]! + 3);
        if (c > 0) v = Math.min(v, d[i - cols - 1]! + 4);
        if (c < cols - 1) v = Math.min(v, d[i - cols + 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let r = rows - 1; r >= 0; r--) {
    for (let c = cols - 1; c >= 0; c--) {
      const i = r * cols + c;
      let v = d[i]!;
      if (c < cols - 1) v = Math.min(v, d[i + 1]! + 3);
      if (r < rows - 1) {
        v = Math.min(v, d[i + cols]! + 3);
        if (c < cols - 1) v = Math.min(v, d[i + cols + 1]! + 4);
        if (c > 0) v = Math.min(v, d[i + cols - 1]! + 4);
      }
      d[i] = v;
    }
  }
  for (let i = 0; i < d.length; i++) d[i] = d[i]! / 3;
  return d;
}
