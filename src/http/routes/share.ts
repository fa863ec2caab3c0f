import { SHAREABLE_PARTS } from '../../domain/recap';
import type { RouteHandler } from '../route';

/**
 * POST /intros/:id/share: the leader sends the member the chosen lists of the recap, from the leader's saved notes,
 * to the member's personal chat with the bot. Only the leader may; anyone else learns nothing about the intro.
 */
export const shareWithMemberRoute: RouteHandler<'shareWithMember'> = async (
  { res, caller, params, body, fail },
  deps,
) => {
  const request = await body();
  if (!request.ok) return fail(request.error);
  const shareRecap = deps.useCases.shareRecap;
  // No bot wired (a test app without one) reaches nobody: the same answer as a member without a chat.
  if (!shareRecap) return fail({ code: 'memberUnreachable', message: 'Nothing can be sent from this server.' });
  const parts = SHAREABLE_PARTS.filter((part) => request.value.parts.includes(part));
  const result = await shareRecap(caller, params.id, parts);
  if (result.ok) return void res.send(200, { sentTo: result.value.memberName, shared: result.value.shared });
  const { error } = result;
  switch (error.code) {
    case 'notFound':
      return fail({ code: 'notFound', message: 'No intro 1:1 with that id that you led.' });
    case 'noMember':
      return fail({
        code: 'noMember',
        message: 'Nobody has joined this intro 1:1 yet, so there is no one to send to.',
      });
    case 'nothingChosen':
      return fail({ code: 'invalidBody', message: 'Choose goals, follow-ups or both to send.', field: 'parts' });
    case 'unreachable':
      return fail({
        code: 'memberUnreachable',
        message:
          `${error.memberName} has not opened a chat with Intro 1:1 yet, so nothing was sent. ` +
          'Ask them to open Intro 1:1 in Teams once, then send again.',
      });
  }
};
