/**
 * What the TNTP readers return, in the files' own terms (format:
 * https://github.com/bstabler/TransportationNetworks). The traffic simulation adapts them to
 * its network (`networkFromTntp` in src/sim/traffic/network.ts); the data layer knows nothing of
 * the simulation.
 */

/** One row of `_net.tntp`: `init_node term_node capacity length free_flow_time b power speed toll link_type`. */
export interface TntpLink {
  initNode: number;
  termNode: number;
  /** Capacity, in the file's flow unit per period. */
  capacity: number;
  /** Length, in the file's distance unit. */
  length: number;
  /** Free-flow time, in the file's time unit. */
  freeFlowTime: number;
  /** BPR `b` (dimensionless). */
  b: number;
  /** BPR power (dimensionless). */
  power: number;
  /** Speed limit, in the file's unit (many files leave it 0). */
  speed: number;
  toll: number;
  linkType: number;
}

/** `_net.tntp`: metadata and link rows. */
export interface TntpNetwork {
  /** `<NUMBER OF NODES>`: nodes are numbered 1..nodeCount. */
  nodeCount: number;
  /** `<NUMBER OF ZONES>`: zone z is node z. */
  zoneCount: number;
  /** `<FIRST THRU NODE>` (1 when absent): nodes below it are zone centroids. */
  firstThruNode: number;
  /** `<TOLL FACTOR>` (0 when absent). */
  tollFactor: number;
  /** `<DISTANCE FACTOR>` (0 when absent). */
  distanceFactor: number;
  links: TntpLink[];
}

/** `_trips.tntp`: the zone-by-zone matrix, row-major by origin: flows[(o − 1) · zoneCount + (d − 1)]. */
export interface TntpTrips {
  zoneCount: number;
  flows: Float64Array;
}
