import { type EntitySetName, NAVIGATION, type StoredEntity } from './entityModel.ts';

/**
 * Where the store writes what it creates: called with every new entity before the store shows
 * it to anyone, so a durable log (append + fsync) makes an accepted entity survive a crash.
 */
export interface StoreLog {
  append(records: readonly StoredEntity[]): void;
}

/**
 * The SensorThings entity store of `twin sensors serve`: entities by set and id, with indexes
 * from a linked entity back to the entities that link to it (a Datastream's Observations).
 * Ids are integers counted per set from 1. Create-only (the service never updates or deletes).
 */
export class SensorStore {
  private readonly bySet = new Map<EntitySetName, Map<number, StoredEntity>>();
  private readonly nextIds = new Map<EntitySetName, number>();
  private readonly reverse = new Map<string, StoredEntity[]>();
  private pending: StoredEntity[] | undefined;

  constructor(private readonly log?: StoreLog) {}

  /** Adds entities read back from the log (no logging); later ids continue after the largest. */
  load(records: Iterable<StoredEntity>): void {
    for (const record of records) this.index(record);
  }

  /** The entity of `set` with `id`, or undefined. */
  get(set: EntitySetName, id: number): StoredEntity | undefined {
    return this.bySet.get(set)?.get(id);
  }

  /** Every entity of a set, in id order. */
  all(set: EntitySetName): StoredEntity[] {
    return [...(this.bySet.get(set)?.values() ?? [])].sort((a, b) => a.id - b.id);
  }

  /** Number of entities in a set. */
  count(set: EntitySetName): number {
    return this.bySet.get(set)?.size ?? 0;
  }

  /** The entities a navigation property of `entity` leads to (empty for an unknown property). */
  navigate(entity: StoredEntity, property: string): StoredEntity[] {
    const nav = NAVIGATION[entity.set][property];
    if (nav === undefined) return [];
    if (nav.held === 'reverse')
      return [...(this.reverse.get(reverseKey(nav.target, nav.key, entity.id)) ?? [])];
    const link = entity.links[nav.key];
    const ids = link === undefined ? [] : Array.isArray(link) ? link : [link];
    return ids.map((id) => this.get(nav.target, id)).filter((e): e is StoredEntity => e !== undefined);
  }

  /** Entities of `set` whose link `key` names `id` (also links outside NAVIGATION, e.g. a feature's Location). */
  referrers(set: EntitySetName, key: string, id: number): StoredEntity[] {
    return [...(this.reverse.get(reverseKey(set, key, id)) ?? [])];
  }

  /**
   * Creates an entity: allocates its id, writes it to the log (at once, or at the end of the
   * enclosing `batch`), then indexes it. Links must name existing entities (the caller checks).
   */
  create(
    set: EntitySetName,
    props: Record<string, unknown>,
    links: StoredEntity['links'] = {},
  ): StoredEntity {
    const entity: StoredEntity = { set, id: this.nextIds.get(set) ?? 1, props, links };
    if (this.pending) this.pending.push(entity);
    else this.log?.append([entity]);
    this.index(entity);
    return entity;
  }

  /**
   * Runs `work` with its creations written to the log in one append at the end (one fsync for
   * many entities). If `work` throws, nothing it created is logged and the store keeps them
   * only in memory until restart, so callers validate before creating.
   */
  batch<T>(work: () => T): T {
    if (this.pending) return work();
    this.pending = [];
    try {
      const result = work();
      if (this.pending.length > 0) this.log?.append(this.pending);
      return result;
    } finally {
      this.pending = undefined;
    }
  }

  private index(entity: StoredEntity): void {
    let map = this.bySet.get(entity.set);
    if (map === undefined) {
      map = new Map();
      this.bySet.set(entity.set, map);
    }
    map.set(entity.id, entity);
    this.nextIds.set(entity.set, Math.max(this.nextIds.get(entity.set) ?? 1, entity.id + 1));
    for (const [key, link] of Object.entries(entity.links)) {
      for (const id of Array.isArray(link) ? link : [link]) {
        const k = reverseKey(entity.set, key, id);
        const list = this.reverse.get(k);
        if (list) list.push(entity);
        else this.reverse.set(k, [entity]);
      }
    }
  }
}

function reverseKey(set: EntitySetName, key: string, id: number): string {
  return `${set}|${key}|${id}`;
}
