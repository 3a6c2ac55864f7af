// Never returns.
function FindProxyForURL(url, host) {
  for (;;) {}
}
