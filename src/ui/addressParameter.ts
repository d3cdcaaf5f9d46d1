/**
 * Reads parameter `name` of the address's hash query (`#/route?name=value`) and removes it from
 * the address (history.replaceState, no navigation), so a reload does not act on it again: the
 * share links of scenarios (`#/workbench?s=`) and tours (`#/presentation?tour=`). Null: absent.
 */
export function takeHashParameter(name: string): string | null {
  const [route, query] = window.location.hash.split('?');
  const params = new URLSearchParams(query ?? '');
  const value = params.get(name);
  if (value === null) return null;
  params.delete(name);
  const rest = params.toString();
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${route}${rest ? `?${rest}` : ''}`,
  );
  return value;
}
