import { SETTING_LABELS, type Intro } from '../domain/intro';

// Control characters RFC 5545 forbids in values (everything below space but tab, and DEL); line breaks are handled first.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

/** Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma, any line break as \n; other controls dropped. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/** Folds a content line at 75 octets (RFC 5545 §3.1), continuing with a space. */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    // Never split a UTF-8 sequence: back up to a lead byte.
    while (end < bytes.length && ((bytes[end] ?? 0) & 0xc0) === 0x80) end -= 1;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74;
  }
  return parts.join('\r\n ');
}

function utc(epochMs: number): string {
  return new Date(epochMs)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

function quotedName(name: string): string {
  return `"${name.replace(/"/g, '').replace(CONTROL, '')}"`;
}

/** An iCalendar (RFC 5545) invite for an intro, with CRLF line ends and UTC times. */
export function introInvite(intro: Intro, domain: string, stampMs: number): string {
  const start = Date.parse(intro.scheduledStart ?? intro.createdAt);
  const end = start + intro.durationMinutes * 60_000;
  const member = intro.member;
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Intro 1:1//Intro 1:1//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${intro.id}@${domain}`,
    `DTSTAMP:${utc(stampMs)}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SUMMARY:${escapeText(`Intro 1:1: ${intro.leader.name}${member ? ` and ${member.name}` : ''}`)}`,
    `DESCRIPTION:${escapeText(
      `Getting to know each other: goals, how it is going, feedback. ${SETTING_LABELS[intro.setting]}, ${intro.durationMinutes} minutes. Not a status update or a review.`,
    )}`,
    `LOCATION:${escapeText(SETTING_LABELS[intro.setting])}`,
    `ORGANIZER;CN=${quotedName(intro.leader.name)}:urn:uuid:${intro.leader.id}`,
    ...(member
      ? [`ATTENDEE;CN=${quotedName(member.name)};ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION:urn:uuid:${member.id}`]
      : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(foldLine).join('\r\n')}\r\n`;
}
