/** In-game chat: the log (player text via textContent only) and the input (chat keys open, Enter sends, Escape leaves). */
import { MAX_CHAT_LENGTH } from '../../protocol/index.js';
import { isTyping } from './controls.js';
import { byId } from './dom.js';
import { DEFAULT_KEY_BINDINGS } from './key-bindings.js';

const MAX_LINES = 80;

/** Kinds of chat lines, styled differently. */
export type ChatKind = 'player' | 'own' | 'system';

/** The chat box; `enabled` while in a room. */
export class ChatBox {
  private readonly log = byId('chat-log', HTMLUListElement);
  private readonly input = byId('chat-input', HTMLInputElement);
  /** Whether the chat keys open the chat (true while in a room). */
  enabled = false;

  constructor(private readonly send: (text: string) => void) {
    this.input.maxLength = MAX_CHAT_LENGTH;
    window.addEventListener('keydown', (e) => {
      if (!this.enabled || !this.chatKeys.includes(e.code) || isTyping()) return;
      e.preventDefault();
      this.input.focus();
    });
    this.input.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') {
        e.preventDefault();
        const text = this.input.value.trim();
        if (text) this.send(text);
        this.input.value = '';
        this.input.blur();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.input.blur();
      }
      e.stopPropagation();
    });
  }

  /** Which key codes open the chat (the `chat` key bindings; nothing else opens it). */
  chatKeys: readonly string[] = DEFAULT_KEY_BINDINGS.chat;

  /** Opens the chat input (the on-screen Chat button on touch screens). */
  open(): void {
    if (this.enabled) this.input.focus();
  }

  /** Appends a line; `from` is omitted for system lines. */
  add(kind: ChatKind, text: string, from?: string): void {
    const li = document.createElement('li');
    li.className = `chat-${kind}`;
    if (from !== undefined) {
      const who = document.createElement('span');
      who.className = 'chat-from';
      who.textContent = `${from}: `;
      li.append(who);
    }
    const body = document.createElement('span');
    body.textContent = text;
    li.append(body);
    this.log.append(li);
    while (this.log.childElementCount > MAX_LINES) this.log.firstElementChild?.remove();
    this.log.scrollTop = this.log.scrollHeight;
  }

  /** Empties the log and the input. */
  clear(): void {
    this.log.replaceChildren();
    this.input.value = '';
    this.input.blur();
  }
}
