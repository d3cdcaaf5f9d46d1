import { join, sep } from 'node:path';

/** What a `/cesium/…` request names: a path inside the Cesium build, a malformed request, or a path outside it. */
export type CesiumStaticPath = { kind: 'file'; file: string } | { kind: 'bad-request' } | { kind: 'outside' };

/**
 * The file under `root` (an absolute folder, Cesium's `Build/Cesium`) that the request path
 * `urlPath` (the part after the `/cesium` mount, with its query) names. A malformed `%` escape or a
 * NUL byte is a bad request (HTTP 400); a path that leaves `root` (`..`, or a sibling folder
 * sharing its prefix such as `Build/CesiumUnminified`) is outside (HTTP 404). The file itself may
 * not exist.
 */
export function cesiumStaticPath(root: string, urlPath: string): CesiumStaticPath {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] || '/');
  } catch {
    return { kind: 'bad-request' };
  }
  if (decoded.includes('\0')) return { kind: 'bad-request' };
  const file = join(root, decoded);
  return file.startsWith(root + sep) ? { kind: 'file', file } : { kind: 'outside' };
}
