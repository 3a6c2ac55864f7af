/** The strace parser of the no-egress audit, on lines as strace 6 prints them (captured here). */
import { describe, expect, it } from 'vitest';
import { egressFindings, parseExecs, parseStraceOutput } from '../../helpers/egress-audit.js';

const TRACE = `10153 execve("/usr/bin/node", [...], 0x7ffcebb1aa60 /* 39 vars */) = 0
10160 execve("/usr/bin/nope", [...], 0x7ffcebb1aa60 /* 39 vars */) = -1 ENOENT (No such file or directory)
10165 connect(18, {sa_family=AF_UNIX, sun_path="/var/run/nscd/socket"}, 110) = -1 ENOENT (No such file or directory)
10165 connect(18, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("10.255.255.53")}, 16) = 0
10165 sendmmsg(18, [...], 2, MSG_NOSIGNAL) = 2
10153 connect(19, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr("192.0.2.1")}, 16) = -1 EINPROGRESS (Operation now in progress)
10153 connect(20, {sa_family=AF_INET6, sin6_port=htons(9), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "::1", &sin6_addr), sin6_scope_id=0}, 28) = -1 EINPROGRESS (Operation now in progress)
10153 connect(21, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2606:4700::1", &sin6_addr), sin6_scope_id=0}, 28 <unfinished ...>
10170 <... connect resumed>) = 0
10153 connect(22, {sa_family=AF_INET, sin_port=htons(41234), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
10153 sendto(23, ""..., 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20
10153 sendto(24, ""..., 40, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 40
10153 sendmsg(25, {msg_name={sa_family=AF_INET, sin_port=htons(123), sin_addr=inet_addr("198.51.100.7")}, msg_namelen=16, msg_iov=[...]}, 0) = 48
10153 sendto(26, ""..., 5, 0, NULL, 0) = 5
10153 connect(27, {sa_family=AF_UNIX, sun_path="/run/user/0/bus"}, 110) = 0
10153 connect(28, {sa_family=AF_UNSPEC, sa_data="..."}, 16) = 0
10153 connect(29, {sa_family=AF_INET, sin_port=htons(8080), sin_addr=inet_addr("0.0.0.0")}, 16) = 0
`;

describe('egress audit parser', () => {
  it('reads every call that names a destination, and only those', () => {
    const calls = parseStraceOutput(TRACE);
    expect(calls.map((c) => c.call)).toEqual(['connect', 'connect', 'connect', 'connect', 'connect', 'connect', 'sendto', 'sendto', 'sendmsg', 'connect', 'connect', 'connect']);
    expect(calls[3]).toMatchObject({ family: 'inet', address: '::1', port: 9, pid: 10153 });
    expect(parseExecs(TRACE)).toEqual(['/usr/bin/node']);
  });

  it('flags DNS (port 53 anywhere, resolver sockets) and every destination off loopback', () => {
    const findings = egressFindings(parseStraceOutput(TRACE)).map((f) => [f.kind, f.call.family === 'inet' ? `${f.call.address}:${f.call.port}` : f.call.family === 'unix' ? f.call.path : f.call.name]);
    expect(findings).toEqual([
      ['dns', '/var/run/nscd/socket'],
      ['dns', '10.255.255.53:53'],
      ['not-loopback', '192.0.2.1:9'],
      ['not-loopback', '2606:4700::1:443'],
      ['dns', '127.0.0.53:53'],
      ['not-loopback', '198.51.100.7:123'],
    ]);
  });
});
