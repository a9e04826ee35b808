/** Pub/sub on one subscriber connection: handlers per channel, SUBSCRIBE on the first, UNSUBSCRIBE on the last. */
import type { Redis } from 'ioredis';

/** Receives one message of a channel. */
export type ChannelHandler = (message: string) => void;

/** Routes messages of a subscriber connection to the handlers of their channel. */
export class ChannelRouter {
  private readonly handlers = new Map<string, Set<ChannelHandler>>();

  constructor(
    private readonly sub: Redis,
    onHandlerError: (channel: string, err: unknown) => void,
  ) {
    sub.on('message', (channel: string, message: string) => {
      for (const h of this.handlers.get(channel) ?? []) {
        try {
          h(message);
        } catch (err) {
          onHandlerError(channel, err);
        }
      }
    });
  }

  /** Adds `handler` to `channel`; resolves once Redis confirmed the subscription, to the remover. */
  async subscribe(channel: string, handler: ChannelHandler): Promise<() => Promise<void>> {
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
    }
    set.add(handler);
    try {
      if (set.size === 1) await this.sub.subscribe(channel);
    } catch (err) {
      this.drop(channel, handler);
      throw err;
    }
    let removed = false;
    return async () => {
      if (removed) return;
      removed = true;
      if (this.drop(channel, handler)) await this.sub.unsubscribe(channel);
    };
  }

  /** True when the channel has no handler left. */
  private drop(channel: string, handler: ChannelHandler): boolean {
    const set = this.handlers.get(channel);
    if (!set) return false;
    set.delete(handler);
    if (set.size > 0) return false;
    this.handlers.delete(channel);
    return true;
  }
}
