/** What the probe's pure core needs to know about one request a tool sent to the tap. */
export interface ObservedRequest {
  method: string;
  /** Path and query as the tool asked for it ("/v1/messages?beta=true"), secrets redacted. */
  path: string;
  /** The host the tool believed it was talking to (absolute-form or CONNECT target, else Host). */
  targetHost: string;
  /** Lower-case header names, credential values redacted. */
  headers: Record<string, string>;
  /** Parsed JSON when the body was JSON, else the text, else null. */
  body: unknown;
  /**
   * Sent through the HTTP proxy the probe set (absolute-form, or inside a CONNECT tunnel) rather
   * than straight to the base URL: how it travelled, never part of what is compared.
   */
  viaProxy: boolean;
}

/** The requests of one run of the tool, in the order they arrived. */
export type RunRequests = readonly ObservedRequest[];
