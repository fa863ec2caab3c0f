import type { Request, Response } from 'restify';
import { parseIntroId, parseMeetingKey, type IntroId, type MeetingKey } from '../domain/ids';
import { sendFailure } from './errors';

/** The intro id in the path, or undefined after answering 400. */
export function introIdParam(req: Request, res: Response): IntroId | undefined {
  const id = parseIntroId(req.params.id);
  if (!id) sendFailure(res, { code: 'invalidIntroId', message: 'The intro id in the path is not valid.', field: 'id' });
  return id;
}

/** The Teams meeting id in the path, or undefined after answering 400. */
export function meetingIdParam(req: Request, res: Response): MeetingKey | undefined {
  const id = parseMeetingKey(req.params.meetingId);
  if (!id) {
    sendFailure(res, {
      code: 'invalidMeetingId',
      message: 'The meeting id in the path is not a Teams meeting id.',
      field: 'meetingId',
    });
  }
  return id;
}
