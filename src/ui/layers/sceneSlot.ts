import type { Group, Object3D } from 'three';

/** Something a layer draws: its scene object and how to free it. */
interface Drawable {
  dispose(): void;
}

/**
 * One replaceable drawing of a layer in its group: `set` removes and frees the one before and adds
 * the new one (or none); `current` is the one shown.
 */
export class SceneSlot<T extends Drawable> {
  current: T | null = null;

  constructor(
    private readonly root: Group,
    private readonly objectOf: (drawing: T) => Object3D,
  ) {}

  /** Shows `drawing` in place of the current one (null: none), freeing the current one. */
  set(drawing: T | null): void {
    if (this.current) {
      this.root.remove(this.objectOf(this.current));
      this.current.dispose();
    }
    this.current = drawing;
    if (drawing) this.root.add(this.objectOf(drawing));
  }
}
