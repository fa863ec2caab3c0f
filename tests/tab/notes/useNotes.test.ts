import '../support/jsdomGlobals';
import { act, createElement, StrictMode, type ReactElement } from 'react';
import { createRoot } from 'react-dom/client';
import type { ApiClient } from '../../../tab/src/shared/api/client';
import { useNotes, type NotesHandle } from '../../../tab/src/notes/useNotes';
import { fakeApi, notes } from './notesFakes';

/** Renders useNotes in StrictMode (effects and updaters run twice) and hands out its latest value. */
async function renderNotes(api: ReturnType<typeof fakeApi>) {
  let handle: NotesHandle | undefined;
  function Probe(): ReactElement | null {
    handle = useNotes(api as unknown as ApiClient, { tenantId: 't', userId: 'u', introId: 'i' });
    return null;
  }
  const root = createRoot(document.createElement('div') as never);
  await act(async () => root.render(createElement(StrictMode, null, createElement(Probe))));
  return { current: () => handle!, unmount: () => act(() => root.unmount()) };
}

beforeEach(() => {
  localStorage.clear();
  jest.useFakeTimers();
});
afterEach(() => jest.useRealTimers());

describe('useNotes', () => {
  it('composes edits made in one tick and saves once after the pause, even in StrictMode', async () => {
    const api = fakeApi();
    const hook = await renderNotes(api);
    expect(hook.current().state.loading).toBe(false);
    await act(async () => {
      hook.current().edit((body) => ({ ...body, text: { ...body.text, goals: 'one' } }));
      hook.current().edit((body) => ({ ...body, text: { ...body.text, goals: `${body.text.goals} two` } }));
    });
    expect(hook.current().state).toMatchObject({ status: 'pending', body: notes('one two') });
    await act(() => jest.advanceTimersByTimeAsync(800));
    expect(api.saves.map((save) => save.body)).toEqual([notes('one two')]);
    expect(hook.current().state.status).toBe('saved');
    await hook.unmount();
  });

  it('keeps an unsent edit on the device and sends it with keepalive when the page goes away', async () => {
    const api = fakeApi();
    const hook = await renderNotes(api);
    await act(async () => hook.current().edit(() => notes('typed, then the tab closed')));
    expect(localStorage.length).toBe(1);
    await act(async () => window.dispatchEvent(new Event('pagehide')));
    expect(api.saves).toEqual([
      { body: notes('typed, then the tab closed'), ifVersion: 0, options: { keepalive: true } },
    ]);
    expect(localStorage.length).toBe(0);
    await hook.unmount();
  });
});
