/** Asks for a player name before following a room link when none is known yet. */
import { cleanText, MAX_NAME_LENGTH } from '../../protocol/index.js';
import { byId } from './dom.js';

/** Shows the dialog for room `code`; resolves with the cleaned name, or null if cancelled. */
export function askName(code: string, initial: string): Promise<string | null> {
  const dialog = byId('name-dialog', HTMLElement);
  const form = byId('name-form', HTMLFormElement);
  const input = byId('prompt-name', HTMLInputElement);
  const error = byId('prompt-error', HTMLElement);
  byId('prompt-room', HTMLElement).textContent = code;
  input.value = initial;
  error.textContent = '';
  dialog.hidden = false;
  input.focus();
  return new Promise((resolve) => {
    const done = (name: string | null) => {
      dialog.hidden = true;
      form.removeEventListener('submit', submit);
      cancel.removeEventListener('click', onCancel);
      resolve(name);
    };
    const submit = (e: Event) => {
      e.preventDefault();
      const r = cleanText(input.value, MAX_NAME_LENGTH);
      if (r.ok) done(r.text);
      else
        error.textContent = r.reason === 'empty' ? 'Enter a name.' : `At most ${MAX_NAME_LENGTH} characters.`;
    };
    const cancel = byId('prompt-cancel', HTMLButtonElement);
    const onCancel = () => done(null);
    form.addEventListener('submit', submit);
    cancel.addEventListener('click', onCancel);
  });
}
