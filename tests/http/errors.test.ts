import type { Response } from 'restify';
import { sendFailure } from '../../src/http/errors';

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
