/** The error screen: a specific human sentence and a way back to the lobby. */
import { byId, showScreen } from './dom.js';

/** Shows `message` on the error screen. */
export function showError(message: string): void {
  byId('error-message', HTMLElement).textContent = message;
  showScreen('error-screen');
  byId('back-to-lobby', HTMLButtonElement).focus();
}
