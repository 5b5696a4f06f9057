import type { EventEnvelope } from '@mandarin-kit/core';
import type { EventSourceConstructor, EventSourceLike } from '../client/eventStream.js';

type Listener = (event: Event) => void;

/** A hub of fake `EventSource`s: counts connections and delivers events to the open ones. */
export interface FakeEventHub {
  EventSource: EventSourceConstructor;
  /** Every connection ever made, closed ones included. */
  readonly instances: FakeEventSourceInstance[];
  /** Connections not closed yet. */
  open(): FakeEventSourceInstance[];
  /** Delivers an envelope as the BFF would (`id:`, `event:` = type, `data:` = JSON). */
  emit(type: string, data: unknown, id?: string): EventEnvelope;
  /** The data-less frame (`id:` with an empty `data:`) the BFF opens every stream with: only the resume point. */
  resumeAt(id: string): void;
  /** The server ends the stream: `closed` means it refused, so EventSource gives up (readyState 2). */
  fail(options?: { closed?: boolean }): void;
}

/** One fake connection. */
export interface FakeEventSourceInstance extends EventSourceLike {
  readonly url: string;
  readonly withCredentials: boolean;
  readonly closed: boolean;
}

/** Creates a hub whose `EventSource` never touches the network. */
export function createFakeEventHub(): FakeEventHub {
  const instances: Instance[] = [];
  let seq = 0;

  class Instance implements FakeEventSourceInstance {
    readyState = 0;
    readonly url: string;
    readonly withCredentials: boolean;
    closed = false;
    private readonly listeners = new Map<string, Set<Listener>>();

    constructor(url: string, init?: { withCredentials?: boolean }) {
      this.url = url;
      this.withCredentials = init?.withCredentials ?? false;
      instances.push(this);
      queueMicrotask(() => {
        if (this.closed) return;
        this.readyState = 1;
        this.dispatch('open', new Event('open'));
      });
    }

    addEventListener(type: string, listener: Listener): void {
      let set = this.listeners.get(type);
      if (!set) {
        set = new Set();
        this.listeners.set(type, set);
      }
      set.add(listener);
    }

    close(): void {
      this.closed = true;
      this.readyState = 2;
    }

    dispatch(type: string, event: Event): void {
      for (const listener of this.listeners.get(type) ?? []) listener(event);
    }
  }

  const deliver = (type: string, data: string, lastEventId: string) => {
    for (const instance of instances) {
      if (!instance.closed) instance.dispatch(type, new MessageEvent(type, { data, lastEventId }));
    }
  };

  return {
    EventSource: Instance,
    instances,
    open: () => instances.filter((i) => !i.closed),
    emit(type, data, id) {
      const envelope: EventEnvelope = {
        id: id ?? String(++seq),
        type,
        occurredAt: new Date().toISOString(),
        data,
      };
      deliver(type, JSON.stringify(envelope), envelope.id);
      return envelope;
    },
    resumeAt(id) {
      deliver('message', '', id);
    },
    fail(options) {
      for (const instance of instances) {
        if (instance.closed) continue;
        if (options?.closed) instance.readyState = 2;
        else instance.readyState = 0;
        instance.dispatch('error', new Event('error'));
      }
    },
  };
}
