import { hostOptionsFrom, hostTheme } from './options';
import { PERSONAS, type PersonaKey } from './personas';
import { hostTab, type TeamsHostFrame } from './teamsHost';

const base = hostOptionsFrom(window.location.search);
const frames = document.getElementById('frames');
const themes = document.getElementById('theme');
if (!frames || !themes) throw new Error('preview.html needs #frames and #theme.');
const hosted: TeamsHostFrame[] = [];

function pane(label: string): HTMLElement {
  const wrapper = document.createElement('section');
  wrapper.className = 'frame';
  const heading = document.createElement('div');
  heading.className = 'frame-label';
  heading.id = `pane-${hosted.length}-${label.replace(/\W+/g, '-')}`;
  heading.textContent = label;
  wrapper.setAttribute('aria-labelledby', heading.id);
  wrapper.append(heading);
  frames?.append(wrapper);
  return wrapper;
}

/** The meeting stage as everyone in the meeting sees it, once the leader shares (Teams opens the shared URL there). */
const stage = pane('Meeting stage');
const waiting = document.createElement('p');
waiting.className = 'note';
waiting.textContent = "Nothing is shared to the stage yet: press Share to stage in the leader's panel.";
stage.append(waiting);
let onStage: TeamsHostFrame | undefined;

function share(url: string): void {
  const view = new URL(url, window.location.origin).searchParams.get('view') ?? 'stage';
  onStage?.iframe.remove();
  onStage?.dispose();
  waiting.remove();
  onStage = hostTab(
    stage,
    { ...base, user: 'leader', frameContext: 'meetingStage', view, width: 640 },
    'Meeting stage',
  );
  hosted.push(onStage);
}

function column(user: PersonaKey): TeamsHostFrame {
  const persona = PERSONAS[user];
  const wrapper = pane(`${persona.name} (${user})`);
  const options = { ...base, user, frameContext: 'sidePanel' as const, width: 320 };
  return hostTab(wrapper, options, `Side panel of ${persona.name}`, share);
}

document.documentElement.dataset.theme = base.theme;
const meeting = document.getElementById('meeting');
if (meeting) meeting.textContent = base.meetingId;
hosted.push(column('leader'), column('member'));
// The stage comes third, beside the two panels.
frames.append(stage);
const checked = themes.querySelector<HTMLInputElement>(`input[value="${base.theme}"]`);
if (checked) checked.checked = true;
themes.addEventListener('change', (event) => {
  const theme = hostTheme((event.target as HTMLInputElement).value);
  document.documentElement.dataset.theme = theme;
  for (const frame of hosted) frame.setTheme(theme);
});
