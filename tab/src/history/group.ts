import type { HistoryItem } from '../../../src/contract';
import { clockText, introDate } from '../../../src/domain/history';

/** The intros with one person, newest first. */
interface PersonGroup<T extends HistoryItem = HistoryItem> {
  readonly key: string;
  readonly name: string;
  readonly items: readonly T[];
}

/** Groups history by the other person; groups are ordered by their newest intro, intros newest first. */
export function groupByPerson<T extends HistoryItem>(items: readonly T[]): PersonGroup<T>[] {
  const sorted = [...items].sort((a, b) => introDate(b.intro).localeCompare(introDate(a.intro)));
  const groups = new Map<string, { key: string; name: string; items: T[] }>();
  for (const item of sorted) {
    const key = item.with?.id ?? 'unknown';
    const group = groups.get(key) ?? { key, name: item.with?.name ?? 'Not joined yet', items: [] };
    group.items.push(item);
    groups.set(key, group);
  }
  return [...groups.values()];
}

/** Adds a page to what is loaded, dropping intros already there (a page boundary can shift). */
export function appendPage<T extends HistoryItem>(loaded: readonly T[], page: readonly T[]): T[] {
  const seen = new Set(loaded.map((item) => item.intro.id));
  return [...loaded, ...page.filter((item) => !seen.has(item.intro.id))];
}

/** The people seen so far, for the person filter, sorted by name. */
export function peopleIn(items: readonly HistoryItem[]): { id: string; name: string }[] {
  const people = new Map<string, string>();
  for (const item of items) if (item.with) people.set(item.with.id, item.with.name);
  return [...people].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

/** "45:00 planned · 43:12 spent", in m:ss like the side panel's clock. */
export function durationText(item: HistoryItem): string {
  const planned = `${clockText(item.intro.durationMinutes * 60_000)} planned`;
  return item.spentMs === undefined ? planned : `${planned} · ${clockText(item.spentMs)} spent`;
}

/** Replaces one intro's entry (e.g. after its notes changed in the detail view); other entries are untouched. */
export function updateItem<T extends HistoryItem>(items: readonly T[], introId: string, change: (item: T) => T): T[] {
  return items.map((item) => (item.intro.id === introId ? change(item) : item));
}

/** "2 open, 1 done follow-ups", or undefined when there are none. */
export function followUpText(item: HistoryItem): string | undefined {
  const { open, done } = item.followUps;
  if (open + done === 0) return undefined;
  return `${open} open, ${done} done follow-up${open + done === 1 ? '' : 's'}`;
}
