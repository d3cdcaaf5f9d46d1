import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cesiumStaticPath } from '../tools/vite/cesiumStaticPath.ts';

const root = '/app/node_modules/cesium/Build/Cesium';

describe('the dev server /cesium route', () => {
  it('maps a request inside the Cesium build to its file, without the query', () => {
    expect(cesiumStaticPath(root, '/Workers/createVerticesFromHeightmap.js?v=3')).toEqual({
      kind: 'file',
      file: join(root, 'Workers', 'createVerticesFromHeightmap.js'),
    });
    expect(cesiumStaticPath(root, '/Assets/a%20b.json')).toEqual({
      kind: 'file',
      file: `${root}/Assets/a b.json`,
    });
  });

  it('refuses paths that leave the build, including a sibling folder sharing its name as a prefix', () => {
    expect(cesiumStaticPath(root, '/../../../package.json')).toEqual({ kind: 'outside' });
    expect(cesiumStaticPath(root, '/%2e%2e/CesiumUnminified/Cesium.js')).toEqual({ kind: 'outside' });
    expect(cesiumStaticPath(root, '/..%2fCesiumUnminified%2fCesium.js')).toEqual({ kind: 'outside' });
  });

  it('answers a malformed % escape or a NUL byte as a bad request instead of throwing', () => {
    expect(cesiumStaticPath(root, '/Workers/%E0%A4%A.js')).toEqual({ kind: 'bad-request' });
    expect(cesiumStaticPath(root, '/%')).toEqual({ kind: 'bad-request' });
    expect(cesiumStaticPath(root, '/Assets/x%00.json')).toEqual({ kind: 'bad-request' });
  });
});
