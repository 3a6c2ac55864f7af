/**
 * Socket states under one vocabulary (the Linux netstat names) whatever tool reported them, plus
 * UNCONN for a UDP socket without a peer.
 */

/** Kernel TCP state numbers as /proc/net/tcp prints them (include/net/tcp_states.h). */
const PROC_TCP_STATES: Record<string, string> = {
  '01': 'ESTABLISHED',
  '02': 'SYN_SENT',
  '03': 'SYN_RECV',
  '04': 'FIN_WAIT1',
  '05': 'FIN_WAIT2',
  '06': 'TIME_WAIT',
  '07': 'CLOSE',
  '08': 'CLOSE_WAIT',
  '09': 'LAST_ACK',
  '0A': 'LISTEN',
  '0B': 'CLOSING',
  '0C': 'NEW_SYN_RECV',
};

/** Other tools' spellings (ss, macOS netstat/lsof, Windows netstat) -> ours. */
const ALIASES: Record<string, string> = {
  ESTAB: 'ESTABLISHED',
  LISTENING: 'LISTEN',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECV': 'SYN_RECV',
  SYN_RCVD: 'SYN_RECV',
  SYN_RECEIVED: 'SYN_RECV',
  'FIN-WAIT-1': 'FIN_WAIT1',
  FIN_WAIT_1: 'FIN_WAIT1',
  'FIN-WAIT-2': 'FIN_WAIT2',
  FIN_WAIT_2: 'FIN_WAIT2',
  'TIME-WAIT': 'TIME_WAIT',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  'LAST-ACK': 'LAST_ACK',
  CLOSED: 'CLOSE',
  BOUND: 'CLOSE',
  UNCONNECTED: 'UNCONN',
};

/** A /proc/net state code ("0A") -> name; UDP reuses the TCP numbers (01 connected, 07 not). */
export function procStateName(code: string, udp: boolean): string {
  const name = PROC_TCP_STATES[code.toUpperCase()] ?? 'UNKNOWN';
  if (!udp) return name;
  return name === 'ESTABLISHED' ? 'ESTABLISHED' : 'UNCONN';
}

/** A state as another tool spelled it -> ours; an empty state of a UDP socket is ESTABLISHED or UNCONN by peer. */
export function normalizeState(raw: string, udp: boolean, hasPeer: boolean): string {
  const upper = raw.trim().toUpperCase();
  if (upper === '' || (udp && upper === 'CLOSE')) return udp ? (hasPeer ? 'ESTABLISHED' : 'UNCONN') : 'UNKNOWN';
  return ALIASES[upper] ?? upper.replaceAll('-', '_');
}
