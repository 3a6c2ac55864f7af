// Allocates without bound.
function FindProxyForURL(url, host) {
  var all = [];
  for (;;) all.push(new Array(100000).join("x") + all.length);
}
