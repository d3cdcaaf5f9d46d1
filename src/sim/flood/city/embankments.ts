/**
 * River banks and embankments of the city flood grid. Land next to the tidal rivers stands at
 * least at the bank crest: the natural levees and revetments of the Saigon and Đồng Nai banks.
 * The OSM 2018 extract maps no `man_made=dyke` or embankment lines in Thủ Đức that the data
 * pipeline reads, so one documented default crest applies everywhere; scenario dikes raise it
 * locally (cityEdits.ts).
 */
import type { CityGrid } from './cityGrid.ts';
import { forNeighbours8 } from './riversAndCanals.ts';

/**
 * Default crest of the river banks, m above MSL (Hòn Dấu datum): alarm level III at Phú An (1.60 m,
 * Decision 05/2020/QĐ-TTg), the level at which the Southern Hydro-Meteorological Center warns of
 * widespread overbank flooding of low-lying areas — so tides below it stay in the rivers and the
 * 1.7–1.8 m king tides observed at Phú An (2024–2025) overtop unprotected banks. Assumption.
 */
export const DEFAULT_BANK_CREST_METRES = 1.6;

/**
 * Raises each inside land cell next to a river cell (8-neighbour) to at least `crestMetres`.
 * Returns the bank cells.
 */
export function raiseRiverBanks(
  grid: CityGrid,
  river: Uint8Array,
  crestMetres = DEFAULT_BANK_CREST_METRES,
): number[] {
  const { columns, rows, bedMetres: bed } = grid;
  const banks: number[] = [];
  for (let k = 0; k < bed.length; k++) {
    if (river[k] || grid.water[k] || Number.isNaN(bed[k]!)) continue;
    let onBank = false;
    forNeighbours8(k, columns, rows, (m) => {
      if (river[m]) onBank = true;
    });
    if (!onBank) continue;
    banks.push(k);
    bed[k] = Math.max(bed[k]!, crestMetres);
  }
  return banks;
}
