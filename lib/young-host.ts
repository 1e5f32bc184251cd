/**
 * The children's site can have a host name of its own (UNGE_HOST). A request's Host header
 * names it when its host part, without the port and case-insensitively, is that name.
 */
export function isYoungHost(hostHeader: string | null | undefined, youngHost: string | undefined): boolean {
  if (!youngHost || !hostHeader) return false;
  const host = hostHeader.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
  return host === youngHost;
}
