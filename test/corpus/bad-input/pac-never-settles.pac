// FindProxyForURL answers with a promise that never settles.
function FindProxyForURL(url, host) {
  return new Promise(function () {});
}
