/** A uniform-grid spatial hash of item bounding boxes (ids are integers), for near-neighbour queries. */
export class SpatialHash {
  private readonly cells = new Map<number, number[]>();
  private readonly stamp: number[] = [];
  private query = 0;

  /** @param cellSize cell edge in the items' units (scene metres). */
  constructor(private readonly cellSize: number) {}

  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  /** Adds item `id` with bounds [minX, minY, maxX, maxY]. */
  insert(id: number, minX: number, minY: number, maxX: number, maxY: number): void {
    const s = this.cellSize;
    for (let cx = Math.floor(minX / s); cx <= Math.floor(maxX / s); cx++) {
      for (let cy = Math.floor(minY / s); cy <= Math.floor(maxY / s); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(id);
        else this.cells.set(k, [id]);
      }
    }
    this.stamp[id] = 0;
  }

  /** Calls `visit` once per item whose cells touch the bounds; stops early when it returns true. */
  some(minX: number, minY: number, maxX: number, maxY: number, visit: (id: number) => boolean): boolean {
    const s = this.cellSize;
    const q = ++this.query;
    for (let cx = Math.floor(minX / s); cx <= Math.floor(maxX / s); cx++) {
      for (let cy = Math.floor(minY / s); cy <= Math.floor(maxY / s); cy++) {
        const list = this.cells.get(this.key(cx, cy));
        if (!list) continue;
        for (const id of list) {
          if (this.stamp[id] === q) continue;
          this.stamp[id] = q;
          if (visit(id)) return true;
        }
      }
    }
    return false;
  }
}
