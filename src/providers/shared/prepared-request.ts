/** A request a provider has built and is about to send through its GuardedFetch. */
export interface PreparedRequest {
  url: string;
  init: RequestInit;
}
