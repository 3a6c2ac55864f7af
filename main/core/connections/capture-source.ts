/**
 * A source of TCP state-change events (the Linux tracefs capture today; an eBPF program or the
 * capture helper's socket fit the same shape): started with handlers, stopped once.
 */
import type { CaptureUnavailableMessage } from '../../../contract/message.js';
import type { ConnectionEnd, ConnectionEvent } from './trace-events.js';

export interface CaptureSource {
  /** How it reads the kernel, where that matters (tracefs: binary buffers or text). */
  readonly reader?: 'raw' | 'text';
  stop(): Promise<void>;
}

export interface CaptureHandlers {
  onEvent: (event: ConnectionEvent) => void;
  /** Given: established connections are followed to their close, where the source can. */
  onEnd?: (end: ConnectionEnd) => void;
  onError: (error: Error) => void;
}

/** Why a source cannot run here: in English, and as a message where the source can say it as one. */
export interface CaptureUnavailable {
  unavailable: string;
  why?: CaptureUnavailableMessage;
}

/** Starts a source, or says why it cannot run here (never throws for that). */
export type StartCaptureSource = (handlers: CaptureHandlers) => Promise<CaptureSource | CaptureUnavailable>;
