import { Group, Object3D } from 'three';
import { describe, expect, it } from 'vitest';
import { SceneSlot } from './sceneSlot.ts';

class Drawing {
  readonly object = new Object3D();
  disposed = 0;
  dispose() {
    this.disposed++;
  }
}

describe('SceneSlot', () => {
  it('shows one drawing at a time, freeing each one it replaces once', () => {
    const root = new Group();
    const slot = new SceneSlot<Drawing>(root, (d) => d.object);
    const first = new Drawing();
    const second = new Drawing();
    slot.set(first);
    expect(root.children).toEqual([first.object]);
    slot.set(second);
    expect(root.children).toEqual([second.object]);
    expect(first.disposed).toBe(1);
    slot.set(null);
    expect(root.children).toEqual([]);
    expect(second.disposed).toBe(1);
    expect(slot.current).toBeNull();
    slot.set(null);
    expect(first.disposed + second.disposed).toBe(2);
  });
});
