import { failureOf } from '../../../../tab/src/notes/notesSync';
import { isSignInProblem, isStorageRefused, isTransient, toApiError } from '../../../../tab/src/shared/api/errors';
import { STORAGE_REFUSED, statusFor } from '../../../../src/http/errors';

describe("the server's storage refusing writes, as the tab reads it", () => {
  it('is a passing failure with the server message: notes stay on the device and are sent again later', async () => {
    const answer = Response.json({ error: STORAGE_REFUSED }, { status: statusFor('insufficientStorage') });
    const error = await toApiError(answer);
    expect([error.status, error.code, error.message]).toEqual([507, 'insufficientStorage', STORAGE_REFUSED.message]);
    expect([isStorageRefused(error), isTransient(error), isSignInProblem(error)]).toEqual([true, true, false]);
    // The notes sync retries it and keeps the unsent edits (a refused one would drop them), saying why it waits.
    expect(failureOf(error)).toEqual({ kind: 'notStored', message: STORAGE_REFUSED.message });
  });
});
