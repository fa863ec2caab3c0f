import { withParsedIntros } from '../../src/app/parsedIntros';
import { openSqliteStore } from '../../src/store/sqlite/openSqliteStore';
import { makeIntro, newTenant, newUser } from '../store/fixtures';

describe('the parsed-intro cache', () => {
  const open = () => {
    const store = openSqliteStore(':memory:');
    let wholeReads = 0;
    const getVersioned = store.intros.getVersioned;
    const counted = {
      ...store.intros,
      getVersioned: (...args: Parameters<typeof getVersioned>) => {
        wholeReads += 1;
        return getVersioned(...args);
      },
    };
    return { intros: withParsedIntros(counted), wholeReads: () => wholeReads, close: () => store.close() };
  };

  it('parses an intro once per version, and sees every update and the delete at once', async () => {
    const world = open();
    const intro = makeIntro({ tenantId: newTenant() });
    await world.intros.create(intro);
    expect(await world.intros.get(intro.tenantId, intro.id)).toEqual(intro);
    expect(await world.intros.getVersioned(intro.tenantId, intro.id)).toEqual({ value: intro, version: 1 });
    expect(world.wholeReads()).toBe(1);

    const joined = { ...intro, member: { id: newUser(), name: 'Kim New' } };
    expect(await world.intros.update(joined, 1)).toMatchObject({ ok: true });
    expect(await world.intros.get(intro.tenantId, intro.id)).toEqual(joined);
    expect(world.wholeReads()).toBe(2);

    await world.intros.delete(intro.tenantId, intro.id);
    expect(await world.intros.get(intro.tenantId, intro.id)).toBeUndefined();
    expect(await world.intros.get(newTenant(), intro.id)).toBeUndefined();
    world.close();
  });

  it('an intro deleted and created again with the same id (a retried schedule card) is read afresh', async () => {
    const world = open();
    const first = makeIntro({ tenantId: newTenant(), scheduledStart: '2026-12-01T09:00:00.000Z' });
    await world.intros.create(first);
    expect(await world.intros.get(first.tenantId, first.id)).toEqual(first);
    await world.intros.delete(first.tenantId, first.id);
    const again = { ...first, scheduledStart: '2026-12-02T09:00:00.000Z' };
    await world.intros.create(again);
    expect(await world.intros.get(first.tenantId, first.id)).toEqual(again);
    world.close();
  });
});
