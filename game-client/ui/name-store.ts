/** Remembers the player's name between visits (localStorage, tolerant of it being unavailable). */
const KEY = 'tickfire.name';

/** The remembered name, or ''. */
export function loadName(): string {
  try {
    return localStorage.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

/** Remembers `name`. */
export function saveName(name: string): void {
  try {
    localStorage.setItem(KEY, name);
  } catch {
    // Private mode or storage disabled: the name is simply not remembered.
  }
}
