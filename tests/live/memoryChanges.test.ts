import type { SessionChange } from '../../src/app/ports';
import { memoryChanges } from '../../src/live/memoryChanges';

const change = (introId: string) => ({ tenantId: 't', introId }) as unknown as SessionChange;

describe('session changes fanned out in memory', () => {
  it('tells only the listeners of the intro that changed, until they unsubscribe', () => {
    const changes = memoryChanges();
    const heard: string[] = [];
    const stopA = changes.subscribe(change('a'), () => heard.push('a1'));
    changes.subscribe(change('a'), () => heard.push('a2'));
    changes.subscribe(change('b'), () => heard.push('b'));
    changes.publish(change('a'));
    expect(heard).toEqual(['a1', 'a2']);
    stopA();
    changes.publish(change('a'));
    expect(heard).toEqual(['a1', 'a2', 'a2']);
    expect(changes.size).toBe(2);
  });

  it('keeps telling the others when one listener throws, and tells everyone on deliverAll', () => {
    const changes = memoryChanges();
    const heard: string[] = [];
    changes.subscribe(change('a'), () => {
      throw new Error('gone');
    });
    changes.subscribe(change('a'), () => heard.push('a'));
    changes.subscribe(change('b'), () => heard.push('b'));
    changes.publish(change('a'));
    changes.deliverAll();
    expect(heard).toEqual(['a', 'a', 'b']);
  });

  it('forgets an intro once its last listener left', () => {
    const changes = memoryChanges();
    const stop = changes.subscribe(change('a'), () => undefined);
    stop();
    expect(changes.size).toBe(0);
  });
});
