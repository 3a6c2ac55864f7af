function FindProxyForURL(url, host {
