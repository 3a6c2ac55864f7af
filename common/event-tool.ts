/** Which tool a monitor event is about: shared by the history's tool column and the UI's filter. */
import type { MonitorEvent } from '../contract/events.js';

/** The tool an event is about, if any. */
export function eventToolId(event: MonitorEvent): string | null {
  switch (event.type) {
    case 'connection-opened':
    case 'connection-closed':
      return event.connection.toolId;
    case 'connection-attempt':
      return event.attempt.toolId;
    case 'tool-started':
    case 'tool-stopped':
      return event.toolId;
    default:
      return null;
  }
}
