/** Role changes weigh more than any session version, so the tag grows whenever either changes. */
const ROLE_CHANGE_WEIGHT = 2 ** 32;

/**
 * The number in a session's ETag: the session version while the roles never changed, so it changes (and only grows)
 * whenever the session or the roles change; a client sends it back in If-None-Match. Kept apart from the API's
 * schemas so the tab can use it without bundling them.
 */
export function sessionTag(view: { readonly version: number; readonly roleChanges?: number }): number {
  return view.version + (view.roleChanges ?? 0) * ROLE_CHANGE_WEIGHT;
}
