/** Column-major 4×4 matrices (as in 3D Tiles `transform` and glTF `matrix`), float64. */

/** a · b. */
export function multiplyMatrices(a: readonly number[], b: readonly number[]): number[] {
  const result = new Array<number>(16).fill(0);
  for (let column = 0; column < 4; column++) {
    for (let row = 0; row < 4; row++) {
      let sum = 0;
      for (let k = 0; k < 4; k++) sum += a[4 * k + row]! * b[4 * column + k]!;
      result[4 * column + row] = sum;
    }
  }
  return result;
}

/** m · (x, y, z, 1), the xyz part. */
export function transformPoint(
  m: readonly number[],
  x: number,
  y: number,
  z: number,
): [number, number, number] {
  return [
    m[0]! * x + m[4]! * y + m[8]! * z + m[12]!,
    m[1]! * x + m[5]! * y + m[9]! * z + m[13]!,
    m[2]! * x + m[6]! * y + m[10]! * z + m[14]!,
  ];
}

/** Inverse of an affine transform (invertible 3×3 linear part + translation), by cofactors. */
export function invertAffine(m: readonly number[]): number[] {
  const [a, b, c, d, e, f, g, h, i] = [m[0]!, m[4]!, m[8]!, m[1]!, m[5]!, m[9]!, m[2]!, m[6]!, m[10]!];
  const determinant = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
  // Row-major inverse of [[a b c] [d e f] [g h i]].
  const inverse = [
    (e * i - f * h) / determinant,
    (c * h - b * i) / determinant,
    (b * f - c * e) / determinant,
    (f * g - d * i) / determinant,
    (a * i - c * g) / determinant,
    (c * d - a * f) / determinant,
    (d * h - e * g) / determinant,
    (b * g - a * h) / determinant,
    (a * e - b * d) / determinant,
  ];
  const result = new Array<number>(16).fill(0);
  for (let row = 0; row < 3; row++) {
    for (let column = 0; column < 3; column++) result[4 * column + row] = inverse[3 * row + column]!;
    result[12 + row] = -(
      inverse[3 * row]! * m[12]! +
      inverse[3 * row + 1]! * m[13]! +
      inverse[3 * row + 2]! * m[14]!
    );
  }
  result[15] = 1;
  return result;
}
