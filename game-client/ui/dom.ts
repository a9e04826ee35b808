/** Typed element lookup for the fixed page structure in index.html. */

/** The element with `id`, checked to be of `type`; throws if the page is not what this code expects. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`#${id} is missing or not a ${type.name}`);
  return el;
}

/** Screens of the page; exactly one is visible. */
export type ScreenId = 'lobby' | 'game-screen' | 'error-screen';

/** Shows one screen and hides the others. */
export function showScreen(id: ScreenId): void {
  for (const s of ['lobby', 'game-screen', 'error-screen'] as const) byId(s, HTMLElement).hidden = s !== id;
}
