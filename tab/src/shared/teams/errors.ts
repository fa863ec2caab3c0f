/** Why a TeamsJS call failed, so the UI can say what to do next. */
type TeamsErrorCode = 'notInHost' | 'notInitialized' | 'notSupported' | 'ssoFailed';

/** A failed TeamsJS call with a code and a message a person can act on. */
export class TeamsError extends Error {
  override readonly name = 'TeamsError';

  constructor(
    readonly code: TeamsErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** What the tab says when it is opened outside any Teams host. */
export const NOT_IN_HOST_MESSAGE = 'Open this in Microsoft Teams, or in the local preview at /tab/preview.html.';
