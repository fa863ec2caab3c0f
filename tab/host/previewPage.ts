import { hostOptionsFrom, hostTheme } from './options';
import { PERSONAS, type PersonaKey } from './personas';
import { hostTab, type TeamsHostFrame } from './teamsHost';

const base = hostOptionsFrom(window.location.search);
const frames = document.getElementById('frames');
const themes = document.getElementById('theme');
if (!frames || !themes) throw new Error('preview.html needs #frames and #theme.');

function column(user: PersonaKey): TeamsHostFrame {
  const persona = PERSONAS[user];
  const wrapper = document.createElement('section');
  wrapper.className = 'frame';
  const label = document.createElement('div');
  label.className = 'frame-label';
  label.textContent = `${persona.name} (${user})`;
  wrapper.append(label);
  frames?.append(wrapper);
  return hostTab(wrapper, { ...base, user, frameContext: 'sidePanel', width: 320 }, `Side panel of ${persona.name}`);
}

document.documentElement.dataset.theme = base.theme;
const meeting = document.getElementById('meeting');
if (meeting) meeting.textContent = base.meetingId;
const hosted = [column('leader'), column('member')];
const checked = themes.querySelector<HTMLInputElement>(`input[value="${base.theme}"]`);
if (checked) checked.checked = true;
themes.addEventListener('change', (event) => {
  const theme = hostTheme((event.target as HTMLInputElement).value);
  document.documentElement.dataset.theme = theme;
  for (const frame of hosted) frame.setTheme(theme);
});
