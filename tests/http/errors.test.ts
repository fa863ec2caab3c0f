import type { Response } from 'restify';
import { StorageRefusedError } from '../../src/app/storageRefused';
import { failureOfThrown, sendFailure } from '../../src/http/errors';

/** A restify response that records what was sent. */
function recordingResponse() {
  const sent: { status?: number; body?: unknown } = {};
  const res = {
    send: (status: number, body: unknown) => Object.assign(sent, { status, body }),
  } as unknown as Response;
  return { res, sent };
}

describe('sendFailure', () => {
  it('answers only the envelope fields, never data a failure carries for another edge', () => {
    const { res, sent } = recordingResponse();
    const failure = { code: 'notFound' as const, message: 'No intro.', memberName: 'Kim Private', intro: { id: 'x' } };
    sendFailure(res, failure);
    expect(sent).toEqual({ status: 404, body: { error: { code: 'notFound', message: 'No intro.' } } });
  });

  it('keeps the field a validation failure names, and extra envelope members such as a 412 current', () => {
    const { res, sent } = recordingResponse();
    sendFailure(res, { code: 'versionConflict', message: 'Changed.', field: 'If-Match' }, { current: { version: 2 } });
    expect(sent).toEqual({
      status: 412,
      body: { error: { code: 'versionConflict', message: 'Changed.', field: 'If-Match' }, current: { version: 2 } },
    });
  });
});

describe('failureOfThrown', () => {
  it('answers storage refusing writes 507 insufficientStorage, and leaves any other error to the 500 path', () => {
    const { res, sent } = recordingResponse();
    const failure = failureOfThrown(new StorageRefusedError('full', 'SQLITE_FULL'));
    expect(failure?.code).toBe('insufficientStorage');
    sendFailure(res, failure!);
    expect(sent.status).toBe(507);
    // The person's message neither leaks the store's detail nor reads like a bug.
    expect(JSON.stringify(sent.body)).not.toMatch(/SQLITE|disk under/);
    expect(failureOfThrown(new Error('boom'))).toBeUndefined();
    expect(failureOfThrown(Object.assign(new Error('raw'), { code: 'SQLITE_FULL' }))).toBeUndefined();
  });
});
